// The planner's entry: the pages the caller may plan (a page admin's own page opens at once), the drafts
// waiting for the caller's decision, and the regional announcement for regional operators.
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import { DebouncedSearch } from '../../components/DebouncedSearch.tsx';
import { Empty, Loaded } from '../../components/StateView.tsx';
import { apiUrl } from '../../lib/client.ts';
import { useApi } from '../../lib/queries.ts';

type PageItem = { id: number; url: string; name: string };

export function PlannerHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const pages = useApi<{ items: PageItem[] }>(apiUrl('GET /api/planner/pages', { query: { q } }));
  const manages = me.permissions.includes('drafts.manage');
  const regional = manages && (me.scope.level === 'region' || me.scope.level === 'country');
  if (me.scope.level === 'institution' && pages.data?.items.length === 1 && !q)
    return <Navigate to={`/planner/${pages.data.items[0]?.id}`} replace />;
  return (
    <section aria-labelledby="planner-title">
      <h1 id="planner-title" className="page-title">
        {t('planner.title')}
      </h1>
      {manages && (
        <div className="actions">
          <Link to="/planner/review">{t('planner.review')}</Link>
          {regional && <Link to="/planner/syndication">{t('planner.syndication')}</Link>}
        </div>
      )}
      <Group header={<Header>{t('planner.choose')}</Header>}>
        {me.scope.level !== 'institution' && (
          <div className="filters">
            <DebouncedSearch
              value={q}
              label={t('planner.search')}
              onChange={(v) => setSearch(v ? { q: v } : {})}
            />
          </div>
        )}
        <Loaded query={pages} minHeight={200}>
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{t('planner.noPages')}</Empty>
            ) : (
              <ul className="seminar-list" data-testid="planner-pages">
                {data.items.map((p) => (
                  <li key={p.id}>
                    <Link to={`/planner/${p.id}`} className="row-link">
                      <SimpleCell subtitle={p.url}>{p.name}</SimpleCell>
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
