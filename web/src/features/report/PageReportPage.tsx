// A page's report card, like a Lighthouse report: the total and category gauges, every rule with its status,
// value, evidence, percentile among peers and recommendation, the methodology text one click away, the history
// of scores, and the page on VK.
import { Group, Header, SegmentedControl } from '@vkontakte/vkui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { TrendLine } from '../../components/charts.tsx';
import { Gauge } from '../../components/Gauge.tsx';
import { DialogueGroup } from '../../components/InboxFigures.tsx';
import { LevelBadge } from '../../components/LevelBadge.tsx';
import { Loaded } from '../../components/StateView.tsx';
import { num, period } from '../../lib/format.ts';
import { useApi, usePageCard, usePageReport, useUnitCrumbs } from '../../lib/queries.ts';
import { useMe } from '../../lib/session.ts';
import type { PageCard, PageReport } from '../../lib/types.ts';

type Rule = PageReport['rules'][number];

export function PageReportPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const report = usePageReport(Number.isInteger(id) ? id : -1);
  const card = usePageCard(Number.isInteger(id) ? id : -1);
  return (
    <Loaded query={report} minHeight={600}>
      {(r) => (
        <Loaded query={card} minHeight={600}>
          {(c) => <ReportCard report={r} card={c} title={t('report.title')} />}
        </Loaded>
      )}
    </Loaded>
  );
}

function ReportCard({ report, card }: { report: PageReport; card: PageCard; title: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const { hash } = useLocation();
  const problemsOnly = search.get('show') === 'problems';
  const permissions = useMe().data?.permissions ?? [];
  const canReadComments = permissions.includes('comments.read');
  const canPlan = permissions.includes('drafts.manage');
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [hash]);
  const recommendation = new Map(report.recommendations.map((r) => [r.ruleId, r]));
  const shown = report.rules.filter((r) => !problemsOnly || r.status === 'fail' || r.status === 'warn');
  const institution = card.institution;
  const crumbs = [
    ...useUnitCrumbs(institution?.regionCode, institution?.municipalityId),
    { label: institution?.fullName ?? t('report.title') },
  ];
  return (
    <article aria-labelledby="report-title">
      <Breadcrumbs items={crumbs} />
      <h1 id="report-title" className="page-title">
        {institution?.fullName ?? card.url}
      </h1>
      <p className="muted">
        {t('unit.period')}: {period({ periodStart: report.period.start, periodEnd: report.period.end })} ·{' '}
        {t('unit.methodology')} {report.version} ·{' '}
        <a href={card.url} target="_blank" rel="noopener noreferrer" data-testid="vk-link">
          {t('report.openVk')}
        </a>
      </p>
      <div className="report-top">
        <Gauge score={report.total} label={t('report.total')} size={128} />
        <div>
          <LevelBadge level={report.level} />
          <div className="gauges">
            {report.categories.map((c) => (
              <Gauge key={c.id} score={c.score === null ? null : c.score * 100} label={c.title} size={76} />
            ))}
          </div>
        </div>
      </div>
      {canReadComments && <DialogueGroup pageId={card.id} />}
      <RecentPosts pageId={card.id} canPlan={canPlan} />
      {card.history.length > 1 && (
        <Group header={<Header>{t('report.history')}</Header>}>
          <TrendLine points={card.history.map((h) => ({ periodEnd: h.periodEnd, meanScore: h.score }))} />
        </Group>
      )}
      <Group header={<Header>{t('report.rules')}</Header>}>
        <div className="rules-filter">
          <SegmentedControl
            size="m"
            value={problemsOnly ? 'problems' : 'all'}
            onChange={(v) => {
              const next = new URLSearchParams(search);
              if (v === 'problems') next.set('show', 'problems');
              else next.delete('show');
              setSearch(next, { replace: true });
            }}
            options={[
              { label: t('report.allRules'), value: 'all' },
              { label: t('report.failedOnly'), value: 'problems' },
            ]}
          />
        </div>
        {report.categories.map((category) => {
          const rules = shown.filter((r) => r.category === category.id);
          if (rules.length === 0) return null;
          return (
            <section key={category.id} aria-labelledby={`cat-${category.id}`} className="rule-category">
              <h2 id={`cat-${category.id}`}>{category.title}</h2>
              <ul className="rules">
                {rules.map((rule) => (
                  <RuleItem
                    key={rule.id}
                    rule={rule}
                    version={report.version}
                    recommendation={recommendation.get(rule.id)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </Group>
    </article>
  );
}

function RuleItem({
  rule,
  version,
  recommendation,
}: {
  rule: Rule;
  version: string;
  recommendation: PageReport['recommendations'][number] | undefined;
}) {
  const { t } = useTranslation();
  return (
    <li id={`rule-${rule.id}`} className="rule" data-status={rule.status}>
      <details open={rule.status === 'fail' || rule.status === 'warn'}>
        <summary>
          <span className={`dot ${rule.status}`} aria-hidden="true" />
          <span className="rule-title">{rule.title}</span>
          <span className="rule-status">{t(`status.${rule.status}`)}</span>
        </summary>
        <dl className="rule-facts">
          <dt>{t('report.value')}</dt>
          <dd>{rule.value === null ? '—' : num(rule.value, 2)}</dd>
          <dt>{t('report.percentile')}</dt>
          <dd>{rule.percentile === null ? '—' : num(rule.percentile, 0)}</dd>
          {rule.evidence.length > 0 && (
            <>
              <dt>{t('report.evidence')}</dt>
              <dd>
                <ul className="evidence">
                  {rule.evidence.map((e) => (
                    <li key={JSON.stringify(e)}>
                      <code>{evidenceText(e)}</code>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
        {recommendation && (
          <p className="recommendation" data-testid="recommendation">
            {recommendation.text}
          </p>
        )}
        <Link to={`/methodology/${version}#rule-${rule.id}`} data-testid="methodology-link">
          {t('report.methodologyText')}
        </Link>
      </details>
    </li>
  );
}

function evidenceText(e: unknown): string {
  const item = e as { type?: string; name?: string; value?: unknown; text?: string; url?: string };
  if (item.text) return item.text;
  const value =
    item.value === undefined
      ? ''
      : `: ${typeof item.value === 'object' ? JSON.stringify(item.value) : String(item.value)}`;
  return `${item.name ?? item.type ?? ''}${value}`;
}

type RecentPost = {
  vkId: number;
  postedAt: number;
  text: string;
  attachments: { photos: number; videos: number; clips: number; polls: number; lives: number };
};

/** The page's latest posts (a post published from the planner shows here at once), and the way to plan more. */
function RecentPosts({ pageId, canPlan }: { pageId: number; canPlan: boolean }) {
  const { t } = useTranslation();
  const posts = useApi<{ items: RecentPost[] }>(`/api/pages/${pageId}/posts?size=5`);
  const kinds = (a: RecentPost['attachments']) =>
    (['polls', 'clips', 'videos', 'lives', 'photos'] as const)
      .filter((k) => a[k] > 0)
      .map((k) => t(`planner.kinds.${k === 'photos' ? 'visualShare' : k}`));
  return (
    <Group
      header={
        <Header after={canPlan ? <Link to={`/planner/${pageId}`}>{t('report2.plan')}</Link> : undefined}>
          {t('report2.recentPosts')}
        </Header>
      }
    >
      <Loaded query={posts} minHeight={120}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="group-body muted">{t('report2.noPosts')}</p>
          ) : (
            <ul className="compact-list" data-testid="recent-posts">
              {data.items.map((p) => (
                <li key={p.vkId}>
                  <span className="muted">{new Date(p.postedAt * 1000).toLocaleString()}</span>{' '}
                  {p.text.slice(0, 160)}{' '}
                  {kinds(p.attachments).map((k) => (
                    <span key={k} className="badge">
                      {k}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Group>
  );
}
