// Country, region or municipality: its child units in a sortable table (a municipality: its pages), the tile cartogram of regions (country),
// levels, the trend over audits, the rule × unit heatmap and the movers; drill down by click, breadcrumbs up.
import { Button, Group, Header } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import type { UnitReport } from '../../../../src/reports/reports.contract.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Heatmap, LevelBars, TrendLine } from '../../components/charts.tsx';
import { type Column, SortableTable } from '../../components/SortableTable.tsx';
import { Empty, Failed, Loaded } from '../../components/StateView.tsx';
import { UnitMovers } from '../../components/UnitMovers.tsx';
import { ApiError, query } from '../../lib/api.ts';
import { apiUrl } from '../../lib/client.ts';
import { num, pct, period } from '../../lib/format.ts';
import { useApi, useText, useUnitCrumbs, useUnitReport } from '../../lib/queries.ts';
import { NetworkCoverage } from './NetworkCoverage.tsx';
import { RegionCartogram } from './RegionCartogram.tsx';
import { RegionVersion } from './RegionVersion.tsx';
import { UnitPages } from './UnitPages.tsx';

type Child = UnitReport['children'][number];
const LEVELS = new Set(['country', 'region', 'municipality']);

export function UnitPage({ me }: { me: Me }) {
  const { level = 'country', key } = useParams();
  if (!LEVELS.has(level)) return <Failed error={new ApiError(404, 'NOT_FOUND', level)} />;
  return <Unit me={me} level={level} unitKey={level === 'country' ? undefined : key} />;
}

function Unit({ level, unitKey }: { me: Me; level: string; unitKey: string | undefined }) {
  const { t } = useTranslation();
  const text = useText();
  const report = useUnitReport(level, unitKey);
  const navigate = useNavigate();
  return (
    <Loaded query={report} minHeight={600}>
      {(r) => {
        const [, regionCode] = /^(?:region|municipality):(\d+)/.exec(r.unit.key) ?? [];
        const rateOf = (rule: string) => {
          const index = r.heatmap.rules.findIndex((x) => x.id === rule);
          const rows = new Map(r.heatmap.rows.map((row) => [row.key, row.rates[index] ?? null]));
          return (child: Child) => rows.get(child.key) ?? null;
        };
        const frequency = rateOf('posting-frequency');
        const answers = rateOf('answer-rate');
        const ruleTitle = (id: string) => text(r.heatmap.rules.find((x) => x.id === id)?.title);
        const childPath = (c: Child) =>
          r.heatmap.by === 'region' ? `/units/region/${c.key}` : `/units/municipality/${c.key}`;
        const columns: Column<Child>[] = [
          {
            id: 'name',
            title: t('unit.name'),
            value: (c) => text({ ru: c.nameRu, en: c.nameEn }),
            render: (c) => <Link to={childPath(c)}>{text({ ru: c.nameRu, en: c.nameEn })}</Link>,
          },
          { id: 'institutions', title: t('home.institutions'), value: (c) => c.institutions, numeric: true },
          { id: 'audited', title: t('unit.audited'), value: (c) => c.audited, numeric: true },
          {
            id: 'coverage',
            title: t('home.coverage'),
            value: (c) => c.coverage,
            render: (c) => pct(c.coverage),
            numeric: true,
          },
          {
            id: 'score',
            title: t('home.meanScore'),
            value: (c) => c.meanScore,
            render: (c) => num(c.meanScore),
            numeric: true,
          },
          {
            id: 'frequency',
            title: ruleTitle('posting-frequency'),
            value: frequency,
            render: (c) => pct(frequency(c)),
            numeric: true,
          },
          {
            id: 'answers',
            title: ruleTitle('answer-rate'),
            value: answers,
            render: (c) => pct(answers(c)),
            numeric: true,
          },
          ...extremeLevelColumns(r, text),
        ];
        const pagesLink =
          r.unit.level === 'country'
            ? '/pages'
            : `/pages${query(r.unit.level === 'region' ? { region: regionCode } : { region: regionCode, municipality: unitKey })}`;
        return (
          <>
            <UnitCrumbs
              regionCode={regionCode}
              municipalityId={r.unit.level === 'municipality' ? Number(unitKey) : null}
            />
            <h1 className="page-title" data-testid="unit-title">
              {text(r.unit.name)}
            </h1>
            <p className="muted">
              {t('unit.period')}: {period(r.run)} · {t('unit.methodology')} {r.run?.version ?? '—'} ·{' '}
              {t('home.coverage')} {pct(r.summary.coverage)} · {t('home.meanScore')}{' '}
              {num(r.summary.meanScore)}
            </p>
            {r.unit.level === 'region' && unitKey && <RegionVersion regionCode={unitKey} />}
            <div className="actions">
              {/* Links styled as buttons, not buttons inside links: one control, one role. */}
              <Button
                mode="secondary"
                href={pagesLink}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(pagesLink);
                }}
              >
                {t('unit.pagesOf')}
              </Button>
              <Button
                mode="tertiary"
                href={apiUrl('GET /api/reports/units/:level/:key', {
                  params: { level, key: unitKey ?? 'all' },
                  query: { format: 'pdf' },
                })}
                download
              >
                {t('unit.report')}
              </Button>
            </div>
            {r.unit.level !== 'municipality' && <NetworkCoverage regionCode={regionCode} />}
            {r.children.length > 0 && (
              <Group header={<Header>{t(`unit.children.${r.heatmap.by}`)}</Header>}>
                <SortableTable
                  rows={r.children}
                  columns={columns}
                  rowKey={(c) => c.key}
                  caption={t(`unit.children.${r.heatmap.by}`)}
                />
              </Group>
            )}
            {r.unit.level === 'municipality' && regionCode && (
              <UnitPages regionCode={regionCode} municipalityId={Number(unitKey)} />
            )}
            {r.unit.level === 'country' && <RegionMap report={r} />}
            <div className="two-columns">
              <div>
                <Group header={<Header>{t('unit.distribution')}</Header>}>
                  <LevelBars
                    rows={(r.children.length
                      ? r.children
                      : [{ ...r.summary, nameRu: text(r.unit.name), nameEn: text(r.unit.name) }]
                    ).map((c) => ({ name: text({ ru: c.nameRu, en: c.nameEn }), levels: c.levels }))}
                    height={Math.max(200, r.children.length * 28 + 110)}
                    levels={r.levels.map((l) => ({ id: l.id, title: text(l.title), color: l.color }))}
                  />
                </Group>
              </div>
              <div>
                <UnitTrend report={r} />
              </div>
            </div>
            <Group header={<Header subtitle={t('unit.heatmapHint')}>{t('unit.heatmap')}</Header>}>
              {r.heatmap.rows.length === 0 ? (
                <Empty />
              ) : (
                <Heatmap
                  rules={r.heatmap.rules.map((x) => ({ id: x.id, title: text(x.title) }))}
                  rows={r.heatmap.rows.map((row) => ({
                    key: row.key,
                    name: text(row.name),
                    rates: row.rates,
                  }))}
                />
              )}
            </Group>
            <Group header={<Header>{t('unit.movers')}</Header>}>
              <UnitMovers report={r} />
            </Group>
          </>
        );
      }}
    </Loaded>
  );
}

function RegionMap({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  const regions = useApi(apiUrl('GET /api/regions'));
  const scores = new Map(report.children.map((c) => [c.key, c.meanScore]));
  return (
    <Group header={<Header>{t('unit.map')}</Header>}>
      <Loaded query={regions} minHeight={260}>
        {(list) => <RegionCartogram regions={list.items} scores={scores} />}
      </Loaded>
    </Group>
  );
}

function UnitCrumbs({
  regionCode,
  municipalityId,
}: {
  regionCode: string | undefined;
  municipalityId: number | null;
}) {
  return <Breadcrumbs items={useUnitCrumbs(regionCode, municipalityId)} />;
}

/** Columns of the best and the worst level of the run's version (flagship and inactive in 2023.1, green and red
 * in the traffic light), titled as the version titles them. */
function extremeLevelColumns(r: UnitReport, text: ReturnType<typeof useText>): Column<Child>[] {
  return [r.levels[0], r.levels.at(-1)].flatMap((l) =>
    l
      ? [
          {
            id: `level-${l.id}`,
            title: text(l.title),
            value: (c: Child) => c.levels[l.id] ?? 0,
            numeric: true,
          },
        ]
      : [],
  );
}

/** The mean score by audit, of runs of the unit's version only, saying which. */
function UnitTrend({ report: r }: { report: UnitReport }) {
  const { t } = useTranslation();
  return (
    <Group
      header={
        <Header subtitle={r.run ? t('unit.trendVersion', { version: r.run.version }) : undefined}>
          {t('unit.trend')}
        </Header>
      }
    >
      {r.trend.length === 0 ? <Empty>{t('state.noAudit')}</Empty> : <TrendLine points={r.trend} />}
    </Group>
  );
}
