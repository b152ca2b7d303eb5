// Presence on each network in a region (or the country): institutions on VK, on OK and on MAX, and those that
// meet the legal duty of government order 2523-р (a page on VK and on OK). From GET /api/network-coverage.
import { Group, Header } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../lib/client.ts';
import { pct } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';

export function NetworkCoverage({ regionCode }: { regionCode?: string | undefined }) {
  const { t } = useTranslation();
  const coverage = useApi(
    apiUrl('GET /api/network-coverage', regionCode ? { query: { region: regionCode } } : undefined),
  );
  const c = coverage.data;
  if (!c) return null;
  const line = (count: number) => t('unit.networks.of', { count, total: c.institutions });
  return (
    <Group
      header={<Header subtitle={t('unit.networks.hint')}>{t('unit.networks.title')}</Header>}
      data-testid="network-coverage"
    >
      <div className="summary">
        {(['vk', 'ok', 'max'] as const).map((n) => (
          <div key={n} className="stat" data-testid={`network-${n}`}>
            <div className="stat-value">{pct(c.share[n])}</div>
            <div className="stat-label">
              {t(`unit.networks.${n}`)}: {line(c.on[n])}
            </div>
          </div>
        ))}
        <div className="stat" data-testid="network-duty">
          <div className="stat-value">{pct(c.meetsLegalDutyShare)}</div>
          <div className="stat-label">
            {t('unit.networks.duty')}: {line(c.meetsLegalDuty)}
          </div>
        </div>
      </div>
    </Group>
  );
}
