// Institutions and their pages: search by name or INN, filters by region, municipality, kind, level, no page
// and no state mark, every one in the URL; the current view downloads as CSV or XLSX.
import { Button, FormItem, Group, Select, Tabs, TabsItem } from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import { INSTITUTION_KINDS } from '../../../../src/platform/vocabulary.ts';
import { DebouncedSearch } from '../../components/DebouncedSearch.tsx';
import { LevelBadge } from '../../components/LevelBadge.tsx';
import { PageName } from '../../components/PageName.tsx';
import { Empty, Loaded } from '../../components/StateView.tsx';
import { TextPagination } from '../../components/TextPagination.tsx';
import { query } from '../../lib/api.ts';
import { apiUrl, withSearch } from '../../lib/client.ts';
import { num, signed } from '../../lib/format.ts';
import { useApi, useLevels, useRegions } from '../../lib/queries.ts';

const SIZE = 25;
const KINDS = INSTITUTION_KINDS;

export function PagesListPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const levels = useLevels();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'institutions' ? 'institutions' : 'pages';
  const get = (k: string) => search.get(k) ?? '';
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('page' in changes)) next.delete('page');
    setSearch(next);
  };
  const region = get('region') || (me.scope.regionCode ?? '');
  const regions = useRegions();
  const municipalities = useApi(
    region ? apiUrl('GET /api/municipalities', { query: { region, size: 100 } }) : null,
  );
  const page = Number(get('page') || 1);
  const common = { region: get('region'), municipality: get('municipality'), kind: get('kind'), q: get('q') };
  const pagesQuery = query({
    ...common,
    level: get('level'),
    verified: get('unverified') ? 'false' : undefined,
    sort: get('sort') || 'score',
    page,
    size: SIZE,
  });
  const institutionsQuery = query({
    ...common,
    hasPage: get('nopage') ? 'false' : undefined,
    page,
    size: SIZE,
  });
  const lang = i18n.language;
  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title" className="page-title">
        {t('list.title')}
      </h1>
      <Tabs>
        <TabsItem
          selected={tab === 'pages'}
          onClick={() => set({ tab: '' })}
          id="tab-pages"
          aria-controls="list-panel"
        >
          {t('list.pages')}
        </TabsItem>
        <TabsItem
          selected={tab === 'institutions'}
          onClick={() => set({ tab: 'institutions' })}
          id="tab-institutions"
          aria-controls="list-panel"
        >
          {t('list.institutions')}
        </TabsItem>
      </Tabs>
      <Group>
        <div className="filters">
          <DebouncedSearch value={get('q')} label={t('list.search')} onChange={(q) => set({ q })} />
          <FormItem top={t('list.region')} htmlFor="f-region">
            <Select
              id="f-region"
              value={get('region')}
              onChange={(e) => set({ region: e.target.value, municipality: '' })}
              options={[
                { label: t('list.any'), value: '' },
                ...(regions.data?.items ?? []).map((r) => ({
                  label: lang === 'en' ? r.nameEn : r.nameRu,
                  value: r.code,
                })),
              ]}
            />
          </FormItem>
          <FormItem top={t('list.municipality')} htmlFor="f-municipality">
            <Select
              id="f-municipality"
              value={get('municipality')}
              disabled={!region}
              onChange={(e) => set({ municipality: e.target.value })}
              options={[
                { label: t('list.any'), value: '' },
                ...(municipalities.data?.items ?? []).map((m) => ({ label: m.name, value: String(m.id) })),
              ]}
            />
          </FormItem>
          <FormItem top={t('list.kind')} htmlFor="f-kind">
            <Select
              id="f-kind"
              value={get('kind')}
              onChange={(e) => set({ kind: e.target.value })}
              options={[
                { label: t('list.any'), value: '' },
                ...KINDS.map((k) => ({ label: t(`kind.${k}`), value: k })),
              ]}
            />
          </FormItem>
          {tab === 'pages' ? (
            <>
              <FormItem top={t('list.level')} htmlFor="f-level">
                <Select
                  id="f-level"
                  value={get('level')}
                  onChange={(e) => set({ level: e.target.value })}
                  options={[
                    { label: t('list.any'), value: '' },
                    // The levels of the versions pages are judged by, titled by the version itself.
                    ...[...levels.values()].map((l) => ({ label: l.title, value: l.id })),
                  ]}
                />
              </FormItem>
              <label className="check">
                <input
                  type="checkbox"
                  checked={!!get('unverified')}
                  onChange={(e) => set({ unverified: e.target.checked ? '1' : '' })}
                />{' '}
                {t('list.unverified')}
              </label>
            </>
          ) : (
            <label className="check">
              <input
                type="checkbox"
                checked={!!get('nopage')}
                onChange={(e) => set({ nopage: e.target.checked ? '1' : '' })}
              />{' '}
              {t('list.noPage')}
            </label>
          )}
        </div>
        <div className="actions">
          {(['csv', 'xlsx'] as const).map((format) => (
            <a
              key={format}
              download
              data-testid={`export-${format}`}
              href={withSearch(
                apiUrl(tab === 'pages' ? 'GET /api/exports/pages' : 'GET /api/exports/institutions'),
                query({
                  ...(tab === 'pages'
                    ? Object.fromEntries(new URLSearchParams(pagesQuery))
                    : Object.fromEntries(new URLSearchParams(institutionsQuery))),
                  page: undefined,
                  size: undefined,
                  format,
                  lang,
                }),
              )}
            >
              <Button mode="secondary" size="s">
                {format === 'csv' ? t('list.exportCsv') : t('list.exportXlsx')}
              </Button>
            </a>
          ))}
        </div>
        <div id="list-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'pages' ? (
            <PagesTable search={pagesQuery} page={page} onPage={(p) => set({ page: String(p) })} />
          ) : (
            <InstitutionsTable
              search={institutionsQuery}
              page={page}
              onPage={(p) => set({ page: String(p) })}
            />
          )}
        </div>
      </Group>
    </section>
  );
}

type Paging = { search: string; page: number; onPage: (p: number) => void };

function PagesTable({ search, page, onPage }: Paging) {
  const { t } = useTranslation();
  const list = useApi(withSearch(apiUrl('GET /api/pages'), search));
  return (
    <PagedTable query={list} page={page} onPage={onPage}>
      {(items) => (
        <>
          <thead>
            <tr>
              <th scope="col">{t('report.institution')}</th>
              <th scope="col" className="num">
                {t('list.score')}
              </th>
              <th scope="col">{t('list.level')}</th>
              <th scope="col" className="num">
                {t('home.trend')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  <PageName page={p} />
                </td>
                <td className="num">{p.score === null ? '' : num(p.score)}</td>
                <td>
                  {p.level ? (
                    <LevelBadge level={p.level} />
                  ) : (
                    <span className="muted">{t('unit.notAudited')}</span>
                  )}
                </td>
                <td className="num">{p.score === null ? '' : signed(p.trend)}</td>
              </tr>
            ))}
          </tbody>
        </>
      )}
    </PagedTable>
  );
}

function InstitutionsTable({ search, page, onPage }: Paging) {
  const { t } = useTranslation();
  const list = useApi(withSearch(apiUrl('GET /api/institutions'), search));
  return (
    <PagedTable query={list} page={page} onPage={onPage}>
      {(items) => (
        <>
          <thead>
            <tr>
              <th scope="col">{t('report.institution')}</th>
              <th scope="col">ИНН</th>
              <th scope="col">{t('list.kind')}</th>
              <th scope="col">{t('list.municipality')}</th>
              <th scope="col" className="num">
                {t('list.pagesCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>{i.shortName ?? i.fullName}</td>
                <td>{i.inn}</td>
                <td>{t(`kind.${i.kind}`)}</td>
                <td>{i.municipality ?? '—'}</td>
                <td className="num">{i.pages}</td>
              </tr>
            ))}
          </tbody>
        </>
      )}
    </PagedTable>
  );
}

/** One page of a list as a table: how many were found, the rows the caller draws, and the page switch. */
function PagedTable<T>({
  query,
  page,
  onPage,
  children,
}: {
  query: {
    data: { items: T[]; total: number } | undefined;
    error: unknown;
    isPending: boolean;
    refetch: () => unknown;
  };
  page: number;
  onPage: (p: number) => void;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  const pages = (total: number) => Math.max(1, Math.ceil(total / SIZE));
  return (
    <Loaded query={query} minHeight={560}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty />
        ) : (
          <>
            <p className="muted" data-testid="found">
              {t('list.found', { count: data.total })}
            </p>
            <div className="table-wrap">
              <table className="data-table">{children(data.items)}</table>
            </div>
            {pages(data.total) > 1 && (
              <TextPagination
                siblingCount={0}
                boundaryCount={1}
                currentPage={page}
                totalPages={pages(data.total)}
                onChange={onPage}
              />
            )}
          </>
        )
      }
    </Loaded>
  );
}
