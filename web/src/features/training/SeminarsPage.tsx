// Seminars of the caller's area: a list (upcoming first, then held) or a month calendar, the way to plan a new
// one, and the effect of all seminars of a period.
import { Button, Group, Header, SegmentedControl, SimpleCell } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import { Empty, Loaded } from '../../components/StateView.tsx';
import { apiUrl, type Reply } from '../../lib/client.ts';
import { zonedTime } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';
import { zonedDate } from '../../lib/zoned.ts';
import { PeriodEffect } from './EffectPanel.tsx';

type SeminarListItem = Reply<'GET /api/seminars'>['items'][number];

export function SeminarsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const view = search.get('view') === 'calendar' ? 'calendar' : 'list';
  const list = useApi(apiUrl('GET /api/seminars'));
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next);
  };
  return (
    <section aria-labelledby="seminars-title">
      <h1 id="seminars-title" className="page-title">
        {t('seminars.title')}
      </h1>
      <div className="actions">
        <SegmentedControl
          className="seminar-views"
          value={view}
          onChange={(v) => setParam('view', v === 'list' ? '' : String(v))}
          options={[
            { label: t('seminars.list'), value: 'list' },
            { label: t('seminars.calendar'), value: 'calendar' },
          ]}
        />
        {me.permissions.includes('seminars.manage') && (
          <Link to="/seminars/new" data-testid="plan-seminar">
            <Button size="m">{t('seminars.plan')}</Button>
          </Link>
        )}
      </div>
      <Loaded query={list} minHeight={300}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('seminars.empty')}</Empty>
          ) : view === 'calendar' ? (
            <MonthCalendar
              items={data.items}
              month={search.get('month')}
              onMonth={(m) => setParam('month', m)}
            />
          ) : (
            <SeminarList items={data.items} />
          )
        }
      </Loaded>
      {!(me.scope.level === 'institution') && <PeriodEffect />}
    </section>
  );
}

function SeminarList({ items }: { items: SeminarListItem[] }) {
  const { t } = useTranslation();
  const now = Date.now() / 1000;
  const upcoming = items.filter((s) => s.endsAt >= now).sort((a, b) => a.startsAt - b.startsAt);
  const past = items.filter((s) => s.endsAt < now);
  return (
    <>
      {[upcoming, past].map((group, i) =>
        group.length === 0 ? null : (
          <Group key={i === 0 ? 'upcoming' : 'past'}>
            <ul className="seminar-list" data-testid="seminar-list">
              {group.map((s) => (
                <li key={s.id}>
                  <Link to={`/seminars/${s.id}`} className="row-link">
                    <SimpleCell
                      multiline
                      subtitle={`${zonedTime(s.startsAt, s.timezone)} · ${t(`seminars.format.${s.format}`)} · ${t(
                        `seminars.status.${s.status}`,
                      )} · ${t('seminars.seats', { taken: s.counts.registered ?? 0, capacity: s.capacity })}`}
                      after={
                        s.mine ? (
                          <span className="badge">{t(`seminars.mine.${s.mine.status}`)}</span>
                        ) : undefined
                      }
                    >
                      {s.title}
                    </SimpleCell>
                  </Link>
                </li>
              ))}
            </ul>
          </Group>
        ),
      )}
    </>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A month grid, Monday first; each seminar sits on its day in its own time zone. */
function MonthCalendar({
  items,
  month,
  onMonth,
}: {
  items: SeminarListItem[];
  month: string | null;
  onMonth: (m: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const today = new Date();
  const [y, m] = (month ?? `${today.getFullYear()}-${pad(today.getMonth() + 1)}`).split('-').map(Number) as [
    number,
    number,
  ];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const byDay = new Map<string, SeminarListItem[]>();
  for (const s of items) {
    const key = zonedDate(s.startsAt, s.timezone);
    byDay.set(key, [...(byDay.get(key) ?? []), s]);
  }
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(y, m - 1 + delta, 1));
    onMonth(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`);
  };
  const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
  const weekdays = [...Array(7)].map((_, i) =>
    new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' }),
  );
  return (
    <Group
      header={
        <Header
          after={
            <span className="actions">
              <Button mode="tertiary" size="s" onClick={() => shift(-1)} aria-label={t('seminars.prevMonth')}>
                ‹
              </Button>
              <Button mode="tertiary" size="s" onClick={() => shift(1)} aria-label={t('seminars.nextMonth')}>
                ›
              </Button>
            </span>
          }
        >
          {first.toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })}
        </Header>
      }
    >
      <div className="month-grid" data-testid="seminar-calendar">
        {weekdays.map((w) => (
          <div key={w} className="month-weekday">
            {w}
          </div>
        ))}
        {[...Array(lead)].map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st have no identity.
          <div key={`blank-${i}`} className="month-day blank" />
        ))}
        {[...Array(days)].map((_, i) => {
          const key = `${y}-${pad(m)}-${pad(i + 1)}`;
          return (
            <div key={key} className="month-day">
              <span className="month-date">{i + 1}</span>
              {(byDay.get(key) ?? []).map((s) => (
                <Link key={s.id} to={`/seminars/${s.id}`} className={`month-event status-${s.status}`}>
                  {s.title}
                </Link>
              ))}
            </div>
          );
        })}
      </div>
    </Group>
  );
}
