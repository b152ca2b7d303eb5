// Drafts waiting for the caller's decision: contributors' proposals (page admins) and second approvals
// (municipalities), each opened in its page's planner.
import { Group, SimpleCell } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, Loaded } from '../../components/StateView.tsx';
import { apiUrl } from '../../lib/client.ts';
import { zonedTime } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';

export function ReviewPage() {
  const { t } = useTranslation();
  const list = useApi(apiUrl('GET /api/planner/review'));
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title" className="page-title">
        {t('planner.review')}
      </h1>
      <Group>
        <Loaded query={list} minHeight={200}>
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{t('planner.reviewEmpty')}</Empty>
            ) : (
              <ul className="seminar-list" data-testid="review-list">
                {data.items.map((d) => (
                  <li key={d.id}>
                    <Link to={`/planner/${d.pageId}?draft=${d.id}`} className="row-link">
                      <SimpleCell
                        multiline
                        subtitle={`${d.page} · ${t(`planner.kind.${d.kind}`)} · ${t(`planner.status.${d.status}`)}${d.plannedAt ? ` · ${zonedTime(d.plannedAt, d.timezone)}` : ''}`}
                      >
                        {d.title}
                      </SimpleCell>
                    </Link>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </Group>
    </section>
  );
}
