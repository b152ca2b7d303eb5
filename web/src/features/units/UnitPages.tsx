// A municipality's own pages, the last step of the drill-down before a school's report card: score, level and
// change since the previous audit, sortable (the sort in the URL), each row linking to the card.
import { Group, Header } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import type { PageItemView as PageItem } from '../../../../src/analytics/analytics.contract.ts';
import { LevelBadge } from '../../components/LevelBadge.tsx';
import { PageName } from '../../components/PageName.tsx';
import { type Column, SortableTable } from '../../components/SortableTable.tsx';
import { Loaded } from '../../components/StateView.tsx';
import { query } from '../../lib/api.ts';
import { num, signed } from '../../lib/format.ts';
import { usePageList } from '../../lib/queries.ts';

export function UnitPages({ regionCode, municipalityId }: { regionCode: string; municipalityId: number }) {
  const { t } = useTranslation();
  const pages = usePageList(
    query({ region: regionCode, municipality: municipalityId, size: 100, sort: '-score' }),
  );
  const columns: Column<PageItem>[] = [
    {
      id: 'name',
      title: t('unit.name'),
      value: (p) => p.institution?.shortName ?? p.institution?.fullName ?? p.url,
      render: (p) => <PageName page={p} />,
    },
    {
      id: 'score',
      title: t('home.score'),
      value: (p) => p.score,
      render: (p) => (p.score === null ? '' : num(p.score)),
      numeric: true,
    },
    {
      id: 'level',
      title: t('home.level'),
      value: (p) => p.level,
      // A page no audit has judged yet (a new one, or one in another network) says so, not "— —".
      render: (p) =>
        p.level ? <LevelBadge level={p.level} /> : <span className="muted">{t('unit.notAudited')}</span>,
    },
    {
      id: 'trend',
      title: t('unit.change'),
      value: (p) => p.trend,
      render: (p) => (p.score === null ? '' : signed(p.trend)),
      numeric: true,
    },
  ];
  return (
    <Group header={<Header>{t('unit.unitPages')}</Header>}>
      <Loaded query={pages} minHeight={200}>
        {(data) => (
          <SortableTable
            rows={data.items}
            columns={columns}
            rowKey={(p) => String(p.id)}
            param="pagesSort"
            caption={t('unit.unitPages')}
          />
        )}
      </Loaded>
    </Group>
  );
}
