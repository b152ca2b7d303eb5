// Working-time arithmetic in a region's time zone: working days follow the production calendar (holidays,
// transfers, regional holidays), working hours 09:00–18:00 local, an hour less on a pre-holiday day. Answer deadlines and response times of the inbox count this time only, so
// a question asked on Friday evening is not late on Saturday.
import { instantAt, type LocalDate, localTime } from '../platform/time-zone.ts';
import { daySets, type YearCalendar } from './production-calendar.ts';

export type WorkCalendar = {
  timeZone: string;
  /** Local hours, [start, end). */
  startHour: number;
  endHour: number;
  /** Local dates (YYYY-MM-DD) that are not working days although they fall on Monday to Friday. */
  holidays: ReadonlySet<string>;
  /** Local dates that are working days although they fall on a weekend (transfers). */
  workingWeekends?: ReadonlySet<string>;
  /** Local dates whose working day ends an hour early (pre-holiday days, Labour Code art. 95). */
  shortDays?: ReadonlySet<string>;
};

export { RU_PUBLIC_HOLIDAYS } from './production-calendar.ts';

/**
 * A region's working calendar for the given years: the official production calendar (built in or loaded with
 * `publica calendar load`), the region's own holidays, and the pre-holiday days one hour shorter.
 */
export function russianCalendar(
  timeZone: string,
  years: number[],
  extraHolidays: string[] = [],
  options: { regionCode?: string | null; loaded?: YearCalendar[] } = {},
): WorkCalendar {
  const sets = daySets(years, options.regionCode ?? null, options.loaded);
  for (const d of extraHolidays) sets.holidays.add(d);
  return {
    timeZone,
    startHour: 9,
    endHour: 18,
    holidays: sets.holidays,
    workingWeekends: sets.workingWeekends,
    shortDays: sets.shortDays,
  };
}

function nextDay(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.y, date.m - 1, date.d + 1));
  return { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
}

const key = (date: LocalDate) =>
  `${date.y}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;

export function isWorkingDay(date: LocalDate, cal: WorkCalendar): boolean {
  const k = key(date);
  if (cal.workingWeekends?.has(k)) return true;
  const weekday = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !cal.holidays.has(k);
}

/** Working intervals [start, end) of each local day from `from`'s day on, as instants. */
function* workingSpans(from: number, cal: WorkCalendar): Generator<[number, number]> {
  let date: LocalDate = localTime(from, cal.timeZone);
  // Ten years of days at most: a calendar without working days must not loop for ever.
  for (let i = 0; i < 3660; i++) {
    if (isWorkingDay(date, cal)) {
      const end = cal.endHour - (cal.shortDays?.has(key(date)) ? 1 : 0);
      yield [instantAt(date, cal.startHour * 3600, cal.timeZone), instantAt(date, end * 3600, cal.timeZone)];
    }
    date = nextDay(date);
  }
}

/** Working seconds between two instants (0 when `to` is not after `from`). */
export function workingSecondsBetween(from: number, to: number, cal: WorkCalendar): number {
  let total = 0;
  if (to <= from) return 0;
  for (const [start, end] of workingSpans(from, cal)) {
    if (start >= to) break;
    total += Math.max(0, Math.min(end, to) - Math.max(start, from));
  }
  return total;
}

/** The instant when `seconds` of working time have passed since `from`. */
export function addWorkingSeconds(from: number, seconds: number, cal: WorkCalendar): number {
  let left = seconds;
  for (const [start, end] of workingSpans(from, cal)) {
    const begin = Math.max(start, from);
    if (end <= begin) continue;
    if (end - begin >= left) return begin + left;
    left -= end - begin;
  }
  throw new Error(`no working time within ten years in ${cal.timeZone}`);
}
