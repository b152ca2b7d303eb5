// Movers one level below the viewer: the regions of the country or the municipalities of a region whose mean
// score changed most since the previous audit (falls first), each a link down; below a region, the pages.
import { SimpleCell } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitReport } from '../../../src/reports/reports.contract.ts';
import { num, signed } from '../lib/format.ts';
import { Empty } from './StateView.tsx';

export function UnitMovers({
  report,
  limit = 5,
  fallsOnly = false,
}: {
  report: UnitReport;
  limit?: number;
  fallsOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const child = report.unit.level === 'country' ? 'region' : 'municipality';
  if (report.unitMovers.length > 0) {
    const falls = report.unitMovers.filter((m) => m.after < m.before);
    const rises = [...report.unitMovers].reverse().filter((m) => m.after > m.before);
    const list = fallsOnly ? falls.slice(0, limit) : [...falls.slice(0, limit), ...rises.slice(0, limit)];
    if (list.length === 0) return <Empty>{t('home.noUnitMovers')}</Empty>;
    return (
      <ul className="plain-list" data-testid="unit-movers">
        {list.map((m) => (
          <li key={m.key}>
            <Link to={`/units/${child}/${m.key}`} className="row-link">
              <SimpleCell
                multiline
                subtitle={t('home.moverScores', { before: num(m.before), after: num(m.after) })}
                after={<strong>{signed(Math.round((m.after - m.before) * 10) / 10)}</strong>}
              >
                {i18n.language === 'en' ? m.name.en : m.name.ru}
              </SimpleCell>
            </Link>
          </li>
        ))}
      </ul>
    );
  }
  const pages = fallsOnly ? report.movers.down : [...report.movers.down, ...report.movers.up];
  if (pages.length === 0) return <Empty>{t('home.noMovers')}</Empty>;
  return (
    <ul className="plain-list" data-testid="page-movers">
      {pages.slice(0, fallsOnly ? limit : undefined).map((m) => (
        <li key={m.pageId}>
          <Link to={`/pages/${m.pageId}`} className="row-link">
            <SimpleCell multiline after={<strong>{signed(m.after - m.before)}</strong>}>
              {m.institution ?? m.url}
            </SimpleCell>
          </Link>
        </li>
      ))}
    </ul>
  );
}
