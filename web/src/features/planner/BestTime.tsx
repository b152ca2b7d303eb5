// "Best time to post" in the planner: the page's own posts by weekday and 3-hour slot (a heatmap that is a real
// table, so it reads aloud), the best slots in words, an honest "not enough data", and the next good slot that
// a new draft defaults to.
import { Group, Header } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../lib/client.ts';
import { num } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';

type Cell = { weekday: number; hour: number; posts: number; reach: number | null; er: number | null };
export type BestTimeData = {
  posts: number;
  need: number;
  enough: boolean;
  cells: Cell[];
  best: Cell[];
  windowDays: number;
};
const MIN_SLOT_POSTS = 3;
const SLOT_HOURS = 3;
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

export const useBestTime = (pageId: number) =>
  useApi<BestTimeData>(apiUrl('GET /api/planner/pages/:pageId/best-time', { params: { pageId } }));

/** Monday = 0; 2024-01-01 was a Monday. */
function weekdayName(weekday: number, lang: string, style: 'short' | 'long' = 'short'): string {
  return new Date(Date.UTC(2024, 0, 1 + weekday)).toLocaleDateString(lang === 'en' ? 'en-GB' : 'ru-RU', {
    weekday: style,
    timeZone: 'UTC',
  });
}
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
const weekdayOfIso = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The best slot's first hour on that day's weekday, if that weekday has a good slot. */
export function bestHourOn(data: BestTimeData | undefined, day: string): number | null {
  if (!data?.enough) return null;
  const wd = weekdayOfIso(day);
  return data.best.find((c) => c.weekday === wd)?.hour ?? null;
}

/** The next day from `today` (within a week) whose weekday has one of the best slots, with its hour. */
export function nextGoodSlot(
  data: BestTimeData | undefined,
  today: string,
  nowHour: number,
): { day: string; hour: number } | null {
  if (!data?.enough) return null;
  for (let i = 0; i <= 7; i++) {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    const day = d.toISOString().slice(0, 10);
    const slot = data.best
      .filter((c) => c.weekday === weekdayOfIso(day) && (i > 0 || c.hour > nowHour))
      .sort((a, b) => a.hour - b.hour)[0];
    if (slot) return { day, hour: slot.hour };
  }
  return null;
}

export function BestTimePanel({ pageId }: { pageId: number }) {
  const { t, i18n } = useTranslation();
  const query = useBestTime(pageId);
  const data = query.data;
  if (!data) return null;
  const lang = i18n.language;
  const slotText = (c: Cell) =>
    t('planner.best.slot', {
      day: weekdayName(c.weekday, lang),
      from: hh(c.hour),
      to: hh(c.hour + SLOT_HOURS),
    });
  const times = (r: number | null) => `×${num(r, 1)}`;
  const max = Math.max(1, ...data.cells.filter((c) => c.posts >= MIN_SLOT_POSTS).map((c) => c.reach ?? 0));
  const hours = Array.from({ length: 24 / SLOT_HOURS }, (_, i) => i * SLOT_HOURS);
  return (
    <Group header={<Header>{t('planner.best.title')}</Header>}>
      <div className="best-time" data-testid="best-time">
        {data.enough ? (
          <ul className="best-slots">
            {data.best.map((c) => (
              <li key={`${c.weekday}:${c.hour}`}>
                {t('planner.best.reach', { slot: slotText(c), times: times(c.reach) })}
              </li>
            ))}
          </ul>
        ) : (
          <p data-testid="best-time-none">
            {t('planner.best.notEnough', { posts: data.posts, need: data.need, days: data.windowDays })}
          </p>
        )}
        {data.posts > 0 && (
          <div className="table-wrap">
            <table className="best-grid">
              <caption>{t('planner.best.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="best-head">
                    <span className="sr-only">{t('planner.best.hour')}</span>
                  </th>
                  {hours.map((h) => (
                    <th scope="col" className="best-head" key={h}>
                      {String(h).padStart(2, '0')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {WEEKDAYS.map((wd) => (
                  <tr key={wd}>
                    <th scope="row" className="best-head">
                      {weekdayName(wd, lang)}
                    </th>
                    {hours.map((h) => {
                      const c = data.cells.find((x) => x.weekday === wd && x.hour === h);
                      const enough = !!c && c.posts >= MIN_SLOT_POSTS;
                      const args = {
                        day: weekdayName(wd, lang, 'long'),
                        from: hh(h),
                        to: hh(h + SLOT_HOURS),
                        posts: c?.posts ?? 0,
                        times: times(c?.reach ?? null),
                      };
                      const share = enough ? Math.min(1, (c.reach ?? 0) / max) : 0;
                      return (
                        <td
                          key={h}
                          title={enough ? t('planner.best.cell', args) : t('planner.best.cellFew', args)}
                          className={enough ? 'best-cell' : 'best-cell best-few'}
                          data-shade={enough ? (share > 0.8 ? 3 : share > 0.5 ? 2 : 1) : undefined}
                        >
                          <span className="sr-only">
                            {enough ? t('planner.best.cell', args) : t('planner.best.cellFew', args)}
                          </span>
                          <span aria-hidden="true">{enough ? num(c.reach, 1) : c?.posts ? '·' : ''}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Group>
  );
}
