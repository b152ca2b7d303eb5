// The signed-in user's notifications (and their institution's): invitations, seats, reminders, plan gaps;
// newest first, unread in bold, each with a link to what it is about.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationItem as AppNotification } from '../../../../src/notifications/notifications.contract.ts';
import { Empty, Loaded } from '../../components/StateView.tsx';
import { apiUrl, callApi } from '../../lib/client.ts';
import { zonedTime } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';

export const NOTIFICATIONS_URL = apiUrl('GET /api/notifications');

/** A notification's sentence in the current language (times in the seminar's own zone). */
export function useNoticeText() {
  const { t } = useTranslation();
  return (n: AppNotification) => {
    const p = n.params;
    const when =
      typeof p.startsAt === 'number' ? zonedTime(p.startsAt, String(p.timezone ?? 'Europe/Moscow')) : '';
    return t(`notifications.kind.${n.kind}`, { ...p, when, defaultValue: n.kind });
  };
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useApi(NOTIFICATIONS_URL);
  const text = useNoticeText();
  const read = useMutation({
    mutationFn: (ids?: number[]) => callApi('POST /api/notifications/read', { body: ids ? { ids } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: [NOTIFICATIONS_URL] }),
  });
  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title" className="page-title">
        {t('notifications.title')}
      </h1>
      <Loaded query={list} minHeight={300}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('notifications.empty')}</Empty>
          ) : (
            <Group>
              <div className="actions">
                <span className="muted">{t('notifications.unread', { count: data.unread })}</span>
                {data.unread > 0 && (
                  <Button mode="secondary" size="s" onClick={() => read.mutate(undefined)}>
                    {t('notifications.markAll')}
                  </Button>
                )}
              </div>
              <ul className="compact-list" data-testid="notifications">
                {data.items.map((n) => (
                  <li key={n.id} className={n.readAt ? undefined : 'notice-unread'}>
                    {text(n)}{' '}
                    {n.link && (
                      <Link to={n.link} onClick={() => !n.readAt && read.mutate([n.id])}>
                        {t('notifications.open')}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </Group>
          )
        }
      </Loaded>
    </section>
  );
}
