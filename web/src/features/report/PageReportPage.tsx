// A page's report card, like a Lighthouse report: the total and category gauges; "what to do" first (failed
// rules by points to gain for the effort, each with how to do it and the evidence linked to the posts on VK);
// the rules to check by hand; what is done, collapsed; the history of scores oldest first; the page on VK.
import { Checkbox, Group, Header } from '@vkontakte/vkui';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { PageCardView as PageCard } from '../../../../src/analytics/analytics.contract.ts';
import type { PageReportView as PageReport } from '../../../../src/audit/audit.contract.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { TrendLine } from '../../components/charts.tsx';
import { Gauge } from '../../components/Gauge.tsx';
import { DialogueGroup } from '../../components/InboxFigures.tsx';
import { LevelBadge } from '../../components/LevelBadge.tsx';
import { Loaded } from '../../components/StateView.tsx';
import { buildCard, type CardItem } from '../../lib/card-model.ts';
import { apiUrl } from '../../lib/client.ts';
import { dateTime, period } from '../../lib/format.ts';
import { useApi, useMethodology, usePageCard, usePageReport, useUnitCrumbs } from '../../lib/queries.ts';
import { useMe } from '../../lib/session.ts';
import { FactChecks } from './FactChecks.tsx';
import { NetworkReportCard } from './NetworkReportCard.tsx';
import { OtherNetworks } from './OtherNetworks.tsx';

export function PageReportPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const card = usePageCard(Number.isInteger(id) ? id : -1);
  return (
    <Loaded query={card} minHeight={600}>
      {(c) =>
        c.platform === 'ok' || c.platform === 'max' ? (
          <NetworkReportCard card={c} />
        ) : (
          <VkReport card={c} title={t('report.title')} />
        )
      }
    </Loaded>
  );
}

/** A VK page's card: the stored audit's report. */
function VkReport({ card, title }: { card: PageCard; title: string }) {
  const report = usePageReport(card.id);
  return (
    <Loaded query={report} minHeight={600}>
      {(r) => <ReportCard report={r} card={card} title={title} />}
    </Loaded>
  );
}

function ReportCard({ report, card }: { report: PageReport; card: PageCard; title: string }) {
  const { t, i18n } = useTranslation();
  const { hash } = useLocation();
  const methodology = useMethodology(report.version);
  const permissions = useMe().data?.permissions ?? [];
  const canReadComments = permissions.includes('comments.read');
  const canPlan = permissions.includes('drafts.manage');
  const canRecord = permissions.includes('facts.record');
  useEffect(() => {
    if (hash && methodology.data) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [hash, methodology.data]);
  const model = useMemo(
    () =>
      methodology.data
        ? buildCard({
            report,
            methodology: methodology.data,
            card,
            lang: i18n.language === 'en' ? 'en' : 'ru',
            t: (key, options) => t(key, options ?? {}) as string,
          })
        : null,
    [report, card, methodology.data, i18n.language, t],
  );
  const institution = card.institution;
  const crumbs = [
    ...useUnitCrumbs(institution?.regionCode, institution?.municipalityId),
    { label: institution?.fullName ?? t('report.title'), name: Boolean(institution?.fullName) },
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
      {institution && <OtherNetworks institutionId={institution.id} pageId={card.id} />}
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
      <Loaded query={methodology} minHeight={400}>
        {() =>
          model && (
            <>
              <Group header={<Header subtitle={t('card.todoHint')}>{t('card.todo')}</Header>}>
                {model.todo.length === 0 ? (
                  <p className="group-body">{t('card.nothingTodo')}</p>
                ) : (
                  <ol className="rules todo-list" data-testid="todo">
                    {model.todo.map((item) => (
                      <TodoItem key={item.id} item={item} version={report.version} />
                    ))}
                  </ol>
                )}
              </Group>
              {model.checks.length > 0 && (
                <FactChecks pageId={card.id} items={model.checks} canRecord={canRecord} />
              )}
              {model.manual.length > 0 && <ManualChecklist items={model.manual} />}
              <Group>
                <details className="collapsed-group" data-testid="done">
                  <summary>
                    {t('card.done')} · {model.done.length}
                  </summary>
                  <ul className="rules">
                    {model.done.map((item) => (
                      <ShortItem key={item.id} item={item} />
                    ))}
                  </ul>
                </details>
                {model.notJudged.length > 0 && (
                  <details className="collapsed-group">
                    <summary>
                      {t('card.notJudged')} · {model.notJudged.length}
                    </summary>
                    <ul className="rules">
                      {model.notJudged.map((item) => (
                        <ShortItem key={item.id} item={item} />
                      ))}
                    </ul>
                  </details>
                )}
              </Group>
              {model.history.length > 1 && (
                <Group
                  header={
                    <Header subtitle={t('report.historyVersion', { version: card.historyVersion })}>
                      {t('report.history')}
                    </Header>
                  }
                >
                  <TrendLine
                    points={model.history.map((h) => ({ periodEnd: h.periodEnd, meanScore: h.score }))}
                  />
                </Group>
              )}
            </>
          )
        }
      </Loaded>
      {canReadComments && <DialogueGroup pageId={card.id} />}
      <RecentPosts pageId={card.id} canPlan={canPlan} />
    </article>
  );
}

/** A rule's status as a chip: colour and words, so it is not told by colour alone. */
function StatusChip({ item }: { item: CardItem }) {
  return (
    <span className={`status-chip ${item.status}`} data-testid="status-chip">
      {item.statusText}
    </span>
  );
}

function Facts({ item }: { item: CardItem }) {
  if (!item.value && !item.percentile) return null;
  return (
    <p className="rule-value">
      {item.value}
      {item.value && item.percentile ? ' · ' : ''}
      {item.percentile && <span className="muted">{item.percentile}</span>}
    </p>
  );
}

function TodoItem({ item, version }: { item: CardItem; version: string }) {
  const { t } = useTranslation();
  return (
    <li id={`rule-${item.id}`} className="rule todo" data-status={item.status}>
      <div className="rule-head">
        <h3 className="rule-title">{item.name}</h3>
        <StatusChip item={item} />
        <span className="gain" data-testid="gain">
          {item.gainText}
          {item.effort ? ` · ${item.effort}` : ''}
        </span>
      </div>
      <Facts item={item} />
      <div className="recommendation" data-testid="recommendation">
        <strong>{t('card.howTo')}:</strong> {item.advice ? `${item.advice} ` : ''}
        {item.howTo}
      </div>
      {item.evidence.length > 0 && (
        <div className="rule-evidence">
          <span className="muted">{t('card.evidence')}:</span>
          <ul className="evidence">
            {item.evidence.map((e, i) => (
              // Evidence lines have no id of their own; their order is stable for one report.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>
                {e.href ? (
                  <a href={e.href} target="_blank" rel="noopener noreferrer">
                    {e.text}
                  </a>
                ) : (
                  e.text
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Link
        to={`/methodology/${version}#rule-${item.id}`}
        data-testid="methodology-link"
        className="method-link"
      >
        {t('report.methodologyText')}
      </Link>
    </li>
  );
}

function ShortItem({ item }: { item: CardItem }) {
  return (
    <li id={`rule-${item.id}`} className="rule" data-status={item.status}>
      <div className="rule-head">
        <span className="rule-title">{item.name}</span>
        <StatusChip item={item} />
      </div>
      <Facts item={item} />
      {item.unknownText && <p className="muted">{item.unknownText}</p>}
    </li>
  );
}

/**
 * Rules the audit cannot judge and that have no recordable fact (those are in FactChecks), as a checklist the
 * reader ticks for themselves: onCheck is where a screen hands them on.
 */
export function ManualChecklist({
  items,
  onCheck,
}: {
  items: CardItem[];
  onCheck?: (ruleId: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  return (
    <Group header={<Header subtitle={t('card.manualHint')}>{t('card.manual')}</Header>}>
      <ul className="rules manual-list" data-testid="manual">
        {items.map((item) => (
          <li key={item.id} id={`rule-${item.id}`} className="rule" data-status={item.status}>
            <Checkbox
              checked={checked[item.id] ?? false}
              onChange={(e) => {
                setChecked((c) => ({ ...c, [item.id]: e.target.checked }));
                onCheck?.(item.id, e.target.checked);
              }}
              description={item.howTo}
            >
              {item.name}
            </Checkbox>
          </li>
        ))}
      </ul>
    </Group>
  );
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
  const posts = useApi(apiUrl('GET /api/pages/:id/posts', { params: { id: pageId }, query: { size: 5 } }));
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
                  <span className="muted">{dateTime(p.postedAt)}</span> {p.text.slice(0, 160)}{' '}
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
