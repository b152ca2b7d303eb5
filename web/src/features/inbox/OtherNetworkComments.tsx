// The comments waiting on the institutions' OK topics, above the inbox's queue: the queue answers through VK,
// so OK's comments are counted here with a link to each topic on OK, where they are answered.
import { Group, Header } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../lib/client.ts';
import { useApi } from '../../lib/queries.ts';

export function OtherNetworkComments({ pageId }: { pageId: string | null }) {
  const { t } = useTranslation();
  const found = useApi(
    apiUrl('GET /api/inbox/other-networks', pageId ? { query: { pageId: Number(pageId) } } : undefined),
  );
  const data = found.data;
  if (!data || data.comments === 0) return null;
  return (
    <Group
      header={
        <Header subtitle={t('inbox.elsewhere.hint')}>
          {t('inbox.elsewhere.title', { count: data.comments })}
        </Header>
      }
      data-testid="inbox-elsewhere"
    >
      <ul className="group-body">
        {data.pages.map((p) => (
          <li key={p.pageId} data-network={p.network} data-testid="inbox-elsewhere-page">
            <a href={p.url} target="_blank" rel="noopener noreferrer">
              {p.institution ?? p.url}
            </a>
            : {t('inbox.elsewhere.comments', { count: p.comments })}
            <ul>
              {p.topics.map((topic) => (
                <li key={topic.url}>
                  <a
                    href={topic.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    data-testid="inbox-elsewhere-topic"
                  >
                    {t('inbox.elsewhere.topic', { count: topic.comments })}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Group>
  );
}
