// A page admin's home: their institution's page at a glance, and the three things to fix first, named and valued
// as on the report card.
import { Button, Card, CardGrid, Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PageCardView as PageCard } from '../../../../src/analytics/analytics.contract.ts';
import type { PageReportView as PageReport } from '../../../../src/audit/audit.contract.ts';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import { Gauge } from '../../components/Gauge.tsx';
import { LevelBadge } from '../../components/LevelBadge.tsx';
import { Empty, Loaded } from '../../components/StateView.tsx';
import { buildCard } from '../../lib/card-model.ts';
import { apiUrl } from '../../lib/client.ts';
import { signed, zonedTime } from '../../lib/format.ts';
import {
  useApi,
  useMethodology,
  usePageCard,
  usePageList,
  usePageReport,
  useUnitReport,
} from '../../lib/queries.ts';

export function AdminHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const list = usePageList('?size=5&sort=score');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title" className="page-title">
        {t('home.myPage')}
      </h1>
      <Loaded query={list} minHeight={420}>
        {(pages) => {
          const page = pages.items[0];
          if (!page) return <Empty>{t('home.noPage')}</Empty>;
          return <MyPage pageId={page.id} institutionId={me.scope.institutionId ?? null} />;
        }}
      </Loaded>
    </section>
  );
}

function MyPage({ pageId, institutionId }: { pageId: number; institutionId: number | null }) {
  const { t } = useTranslation();
  const report = usePageReport(pageId);
  const card = usePageCard(pageId);
  const unit = useUnitReport('institution', institutionId === null ? undefined : String(institutionId));
  const unanswered = unit.data?.unanswered.reduce((s, u) => s + u.unanswered, 0);
  return (
    <Loaded query={report} minHeight={420}>
      {(r) => (
        <>
          <CardGrid size="l">
            <Card mode="shadow" className="summary-card">
              <div className="summary">
                <Gauge score={r.total} label={t('home.score')} size={112} />
                <div>
                  <p className="muted">{card.data?.institution?.fullName}</p>
                  <p>
                    {t('home.level')}: <LevelBadge level={r.level} />
                  </p>
                  <p>
                    {t('home.trend')}: <strong data-testid="trend">{signed(card.data?.trend)}</strong>
                  </p>
                  <p>
                    <Link to={`/inbox?pageId=${pageId}`}>
                      {t('home.unanswered')}: <strong data-testid="unanswered">{unanswered ?? '—'}</strong>
                    </Link>
                  </p>
                  <Link to={`/pages/${pageId}`}>
                    <Button mode="primary" size="m">
                      {t('home.openReport')}
                    </Button>
                  </Link>
                </div>
              </div>
            </Card>
          </CardGrid>
          <PageGoals report={r} card={card.data} pageId={pageId} />
          <Group header={<Header>{t('home.categories')}</Header>}>
            <div className="gauges">
              {r.categories.map((c) => (
                <Gauge key={c.id} score={c.score === null ? null : c.score * 100} label={c.title} size={72} />
              ))}
            </div>
          </Group>
          <NextSeminar />
        </>
      )}
    </Loaded>
  );
}

/**
 * The three things to fix first and the content rules of the period, as the report card says them (card-model.ts):
 * each rule by its positive name, with its status, its value with the unit and the norm, points and effort.
 */
function PageGoals({ report, card, pageId }: { report: PageReport; card?: PageCard; pageId: number }) {
  const { t, i18n } = useTranslation();
  const methodology = useMethodology(report.version);
  const model = useMemo(
    () =>
      methodology.data
        ? buildCard({
            report,
            methodology: methodology.data,
            card: card ?? { history: [] },
            lang: i18n.language === 'en' ? 'en' : 'ru',
            t: (key, options) => t(key, options ?? {}) as string,
          })
        : null,
    [report, card, methodology.data, i18n.language, t],
  );
  if (!model) return null;
  const content = new Set(
    report.rules.filter((r) => r.category === 'content' || r.category === 'activity').map((r) => r.id),
  );
  const mix = [...model.todo, ...model.done].filter((item) => content.has(item.id));
  return (
    <>
      <Group header={<Header>{t('home.fixFirst')}</Header>}>
        <ol className="fix-list" data-testid="fix-first">
          {model.todo.slice(0, 3).map((item) => (
            <li key={item.id}>
              <Link to={`/pages/${pageId}#rule-${item.id}`}>
                <strong>{item.name}</strong>
              </Link>
              <p className="muted">
                {item.gainText}
                {item.effort ? ` · ${item.effort}` : ''}
              </p>
              <p>{item.advice ?? item.howTo}</p>
            </li>
          ))}
        </ol>
      </Group>
      <Group header={<Header>{t('home.contentMix')}</Header>}>
        <ul className="mix">
          {mix.map((item) => (
            <li key={item.id} data-status={item.status}>
              <span className={`dot ${item.status}`} aria-hidden="true" />
              <span className="mix-name">{item.name}</span>
              <span className="muted">
                {item.value ? `${item.value} · ` : ''}
                {item.statusText}
              </span>
            </li>
          ))}
        </ul>
      </Group>
    </>
  );
}

/** The next planned seminar of the admin's area: one they are enrolled or invited to first. */
function NextSeminar() {
  const { t } = useTranslation();
  const list = useApi(apiUrl('GET /api/seminars'));
  const now = Date.now() / 1000;
  const upcoming = (list.data?.items ?? [])
    .filter((s) => s.status === 'planned' && s.startsAt > now && s.mine?.status !== 'cancelled')
    .sort((a, b) => Number(!!b.mine) - Number(!!a.mine) || a.startsAt - b.startsAt);
  const next = upcoming[0];
  return (
    <Group header={<Header>{t('home.nextSeminar')}</Header>}>
      {next ? (
        <Link to={`/seminars/${next.id}`} className="row-link" data-testid="next-seminar">
          <SimpleCell
            multiline
            subtitle={zonedTime(next.startsAt, next.timezone)}
            after={
              next.mine ? <span className="badge">{t(`seminars.mine.${next.mine.status}`)}</span> : undefined
            }
          >
            {next.title}
          </SimpleCell>
        </Link>
      ) : (
        <SimpleCell multiline>{t('home.noSeminar')}</SimpleCell>
      )}
    </Group>
  );
}
