// An operator's home: their area's levels and coverage, who fell, who is silent, where answers are overdue.
import { Button, Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import { LevelBars } from '../../components/charts.tsx';
import { LevelBadge } from '../../components/LevelBadge.tsx';
import { Empty, Loaded } from '../../components/StateView.tsx';
import { UnitMovers } from '../../components/UnitMovers.tsx';
import { day, num, pct } from '../../lib/format.ts';
import { usePageList, useText, useUnitReport } from '../../lib/queries.ts';
import { homeUnitPath } from '../../lib/session.ts';

function unitOf(me: Me): [string, string | undefined] {
  const s = me.scope;
  if (s.level === 'region') return ['region', s.regionCode];
  if (s.level === 'municipality') return ['municipality', String(s.municipalityId)];
  return ['country', undefined];
}

export function OperatorHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const text = useText();
  const [level, key] = unitOf(me);
  const report = useUnitReport(level, key);
  const silent = usePageList('?level=inactive&size=5&sort=score');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title" className="page-title">
        {t('home.myArea')}
      </h1>
      <Loaded query={report} minHeight={520}>
        {(r) => (
          <>
            <p className="muted" data-testid="area-name">
              {text(r.unit.name)}
            </p>
            <div className="stats">
              <Stat label={t('home.institutions')} value={num(r.summary.institutions, 0)} />
              <Stat label={t('home.withPage')} value={num(r.summary.withPage, 0)} />
              <Stat
                label={t('home.coverage')}
                value={pct(r.summary.coverage)}
                hint={t('home.coverageHint')}
              />
              <Stat label={t('home.meanScore')} value={num(r.summary.meanScore)} />
            </div>
            <Group header={<Header>{t('home.byLevel')}</Header>}>
              <ul className="level-counts" data-testid="level-counts">
                {r.levels.map(({ id }) => (
                  <li key={id}>
                    <LevelBadge level={id} /> <strong>{r.summary.levels[id] ?? 0}</strong>
                  </li>
                ))}
              </ul>
              <LevelBars
                rows={[{ name: text(r.unit.name), levels: r.summary.levels }]}
                height={130}
                levels={r.levels.map((l) => ({ id: l.id, title: text(l.title), color: l.color }))}
              />
              <div className="actions">
                <Link to={homeUnitPath(me)}>
                  <Button mode="primary">{t('home.openArea')}</Button>
                </Link>
              </div>
            </Group>
            <Group header={<Header>{t('home.worstMovers')}</Header>}>
              <UnitMovers report={r} fallsOnly />
            </Group>
            <Group header={<Header>{t('home.silent')}</Header>}>
              <Loaded query={silent} minHeight={120}>
                {(list) =>
                  list.items.length === 0 ? (
                    <Empty />
                  ) : (
                    list.items.map((p) => (
                      <Link key={p.id} to={`/pages/${p.id}`} className="row-link">
                        <SimpleCell multiline after={<LevelBadge level={p.level} />}>
                          {p.institution?.shortName ?? p.institution?.fullName ?? p.url}
                        </SimpleCell>
                      </Link>
                    ))
                  )
                }
              </Loaded>
            </Group>
            <Group header={<Header>{t('home.overdue')}</Header>}>
              {r.unanswered.length === 0 ? (
                <Empty />
              ) : (
                r.unanswered.slice(0, 5).map((u) => (
                  <Link key={u.pageId} to={`/inbox?pageId=${u.pageId}`} className="row-link">
                    <SimpleCell
                      multiline
                      after={<strong>{u.unanswered}</strong>}
                      subtitle={
                        u.oldest
                          ? t('home.oldestQuestion', { date: day(Date.parse(u.oldest) / 1000) })
                          : undefined
                      }
                    >
                      {u.institution ?? u.url}
                    </SimpleCell>
                  </Link>
                ))
              )}
            </Group>
          </>
        )}
      </Loaded>
    </section>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="stat" title={hint}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
