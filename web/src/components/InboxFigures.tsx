// The response-time figures of an area or a page (the inbox's metrics), and the dialogue box of a report card.
import { Group, Header } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ApiUrl, apiUrl } from '../lib/client.ts';
import { num, pct } from '../lib/format.ts';
import { useApi } from '../lib/queries.ts';
import { Loaded } from './StateView.tsx';

/** The response-time figures of an area or a page. */
export function InboxFigures({ url }: { url: ApiUrl<'GET /api/inbox/metrics'> }) {
  const { t } = useTranslation();
  const metrics = useApi(url);
  return (
    <Loaded query={metrics} minHeight={96}>
      {(m) => (
        <div className="stats" data-testid="inbox-figures">
          <Figure label={t('inbox.median')} value={num(m.total.medianHours)} />
          <Figure label={t('inbox.p90')} value={num(m.total.p90Hours)} />
          <Figure label={t('inbox.inTime')} value={pct(m.total.withinDeadline)} />
          <Figure label={t('inbox.overdue')} value={num(m.alerts.overdue, 0)} alert={m.alerts.overdue > 0} />
          <Figure
            label={t('inbox.flaggedVisible')}
            value={num(m.alerts.flaggedVisible, 0)}
            alert={m.alerts.flaggedVisible > 0}
          />
        </div>
      )}
    </Loaded>
  );
}

function Figure({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <div className={`stat${alert ? ' stat-alert' : ''}`}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

export function DialogueGroup({ pageId }: { pageId: number }) {
  const { t } = useTranslation();
  return (
    <Group header={<Header>{t('inbox.dialogue')}</Header>}>
      <InboxFigures url={apiUrl('GET /api/inbox/metrics', { query: { pageId } })} />
      <Link to={`/inbox?status=all&pageId=${pageId}`}>{t('inbox.all')}</Link>
    </Group>
  );
}
