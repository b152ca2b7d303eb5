// Response times per unit below the caller's scope (regions, municipalities or pages), the worst first: the
// per-unit figures the metrics API computes, as a table with links that filter the queue.
import { useTranslation } from 'react-i18next';
import type { ResponseMetricsView as ResponseMetrics } from '../../../../src/inbox/inbox.contract.ts';
import { apiUrl } from '../../lib/client.ts';
import { num, pct } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';

type Row = ResponseMetrics & { key: string; name: string | null };
type Metrics = { byRegion: Row[]; byMunicipality: Row[]; byPage: Row[] };

/** The finest level with more than one unit, so a municipality sees its pages and the country its regions. */
function levelOf(m: Metrics): keyof Metrics {
  if (m.byRegion.length > 1) return 'byRegion';
  if (m.byMunicipality.length > 1) return 'byMunicipality';
  return 'byPage';
}

export function UnitTable() {
  const { t } = useTranslation();
  const metrics = useApi(apiUrl('GET /api/inbox/metrics'));
  if (!metrics.data) return null;
  const level = levelOf(metrics.data);
  const rows = [...metrics.data[level]]
    .filter((r) => r.questions > 0)
    .sort((a, b) => b.overdue - a.overdue || (a.withinDeadline ?? 1) - (b.withinDeadline ?? 1))
    .slice(0, 15);
  if (rows.length < 2) return null;
  return (
    <details className="unit-sla">
      <summary>{t('queue.byUnit')}</summary>
      <div className="table-wrap">
        <table className="table" data-testid="inbox-units">
          <caption className="sr-only">{t(`queue.units.${level}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.unit')}</th>
              <th scope="col">{t('queue.questions')}</th>
              <th scope="col">{t('queue.median')}</th>
              <th scope="col">{t('queue.inTime')}</th>
              <th scope="col">{t('queue.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name ?? r.key}</th>
                <td>{num(r.questions, 0)}</td>
                <td>{num(r.medianHours)}</td>
                <td>{pct(r.withinDeadline)}</td>
                <td>{num(r.overdue, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
