// A community message's context: the personal-data notice, and the conversation with the person, oldest first
// (each read is in the audit log on the server).
import { FormStatus } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../components/StateView.tsx';
import { dateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';

type Conversation = {
  messages: { id: number; isOut: boolean; text: string; sentAt: number }[];
};

/** `url` is the message's conversation route. */
export function Conversation({ url }: { url: string }) {
  const { t } = useTranslation();
  const conversation = useApi<Conversation>(url);
  return (
    <>
      <FormStatus mode="default" data-testid="personal-data-notice">
        {t('queue.personalData')}
      </FormStatus>
      <Loaded query={conversation} minHeight={60}>
        {(data) => (
          <ol className="inbox conversation" aria-label={t('queue.conversation')} data-testid="conversation">
            {data.messages.map((m) => (
              <li key={m.id} data-out={m.isOut}>
                <blockquote className="queue-post">
                  <span className="muted">
                    {m.isOut ? t('queue.you') : t('queue.person')} · {dateTime(m.sentAt)}:{' '}
                  </span>
                  {m.text}
                </blockquote>
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </>
  );
}
