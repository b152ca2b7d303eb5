// The report card of an OK group or a MAX channel: the page's facts with the network's field each came from, the
// rules that apply on that network with their status, those that do not (with why, never a fail), and the
// institution's presence on each network against the legal duty (VK and OK).
import { Group, Header } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import type { PageCardView as PageCard } from '../../../../src/analytics/analytics.contract.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Gauge } from '../../components/Gauge.tsx';
import { LevelBadge } from '../../components/LevelBadge.tsx';
import { Loaded } from '../../components/StateView.tsx';
import { apiUrl, type Reply } from '../../lib/client.ts';
import { dateTime, period } from '../../lib/format.ts';
import { useApi, useUnitCrumbs } from '../../lib/queries.ts';
import { OtherNetworks } from './OtherNetworks.tsx';

type Report = Reply<'GET /api/pages/:id/network-report'>;

export function NetworkReportCard({ card }: { card: PageCard }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const report = useApi(
    apiUrl('GET /api/pages/:id/network-report', { params: { id: card.id }, query: { lang } }),
  );
  return <Loaded query={report}>{(r) => <Card report={r} card={card} />}</Loaded>;
}

function Card({ report, card }: { report: Report; card: PageCard }) {
  const { t } = useTranslation();
  const institution = card.institution;
  const crumbs = [
    ...useUnitCrumbs(institution?.regionCode, institution?.municipalityId),
    { label: institution?.fullName ?? card.url, name: Boolean(institution?.fullName) },
  ];
  const applying = report.rules.filter((r) => r.applies);
  const notApplying = report.rules.filter((r) => !r.applies);
  return (
    <article aria-labelledby="report-title" data-testid="network-card" data-network={report.network}>
      <Breadcrumbs items={crumbs} />
      <h1 id="report-title" className="page-title">
        {institution?.fullName ?? card.url} · {t(`netCard.network.${report.network}`)}
      </h1>
      <p className="muted">
        {t('unit.period')}: {period({ periodStart: report.period.start, periodEnd: report.period.end })} ·{' '}
        {t('unit.methodology')} {report.version} ·{' '}
        {report.collectedAt === null
          ? t('netCard.notCollected')
          : `${t('netCard.collected')} ${dateTime(report.collectedAt)}`}{' '}
        ·{' '}
        <a href={report.url} target="_blank" rel="noopener noreferrer" data-testid="network-link">
          {t(`netCard.open.${report.network}`)}
        </a>
      </p>
      {institution && <OtherNetworks institutionId={institution.id} pageId={card.id} />}
      {report.total !== null && (
        <div className="report-top">
          <Gauge score={report.total} label={t('report.total')} size={128} />
          {report.level && <LevelBadge level={report.level} />}
        </div>
      )}
      <Facts facts={report.facts} />
      {report.institution && <Presence presence={report.institution} />}
      <Group header={<Header>{t('netCard.rules')}</Header>}>
        <ul className="rules" data-testid="network-rules">
          {applying.map((r) => (
            <li key={r.id} id={`rule-${r.id}`} className="rule" data-status={r.status}>
              <div className="rule-head">
                <span className="rule-title">{r.title}</span>
                <span className={`status-chip ${r.status}`}>{t(`status.${r.status}`)}</span>
              </div>
              {r.why && <p className="rule-value muted">{r.why}</p>}
            </li>
          ))}
        </ul>
      </Group>
      <Group>
        <details className="collapsed-group" data-testid="network-not-applicable">
          <summary>
            {t('netCard.notApplicable')} · {notApplying.length}
          </summary>
          <ul className="rules">
            {notApplying.map((r) => (
              <li key={r.id} id={`rule-${r.id}`} className="rule" data-status={r.status}>
                <div className="rule-head">
                  <span className="rule-title">{r.title}</span>
                  <span className={`status-chip ${r.status}`}>{t(`status.${r.status}`)}</span>
                </div>
                <p className="rule-value muted">{r.why}</p>
              </li>
            ))}
          </ul>
        </details>
      </Group>
    </article>
  );
}

function Facts({ facts }: { facts: Report['facts'] }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean | string | null) =>
    v === null ? t('netCard.unknown') : v === true ? t('netCard.yes') : v === false ? t('netCard.no') : v;
  return (
    <Group header={<Header>{t('netCard.facts')}</Header>}>
      <table className="data-table" data-testid="network-facts">
        <tbody>
          {facts.map((f) => (
            <tr key={f.fact} data-fact={f.fact}>
              <th scope="row">{t(`netCard.fact.${f.fact}`)}</th>
              <td>{yesNo(f.value)}</td>
              <td className="muted">
                {t('netCard.source')}: <code>{f.source ?? t('netCard.unknownSource')}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Group>
  );
}

function Presence({ presence }: { presence: NonNullable<Report['institution']> }) {
  const { t } = useTranslation();
  return (
    <Group header={<Header>{t('netCard.institution')}</Header>}>
      <ul className="group-body" data-testid="network-presence">
        {(['vk', 'ok', 'max'] as const).map((n) => (
          <li key={n} data-network={n}>
            {t(`netCard.network.${n}`)} (
            {presence.required.includes(n) ? t('netCard.required') : t('netCard.recommended')}
            ): {presence.present[n] ? t('netCard.present') : t('netCard.absent')}
          </li>
        ))}
        <li data-testid="legal-duty">
          {t('netCard.duty')}: {presence.meetsLegalDuty ? t('netCard.meets') : t('netCard.misses')}
        </li>
      </ul>
    </Group>
  );
}
