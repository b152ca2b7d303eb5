// The working calendar as the law sets it: the official production calendar of each year (days off, working
// Saturdays, pre-holiday days one hour shorter), regional holidays, and — for a year nobody has loaded yet — the
// Labour Code's own rules (art. 112: holidays, and a holiday on a weekend moves to the next working day, except the
// New Year holidays, which only the government's yearly decree moves).
import { z } from 'zod';
import { BUILT_IN_CALENDARS } from './production-calendar.data.ts';

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const yearCalendarSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: z.string().min(5),
    /** Monday–Friday dates that are not working days (holidays and the decree's transfers). */
    daysOff: z.array(DATE),
    /** Saturdays or Sundays that are working days (the decree's transfers). */
    workingDays: z.array(DATE).default([]),
    /** Pre-holiday working days, one hour shorter (art. 95). */
    shortDays: z.array(DATE).default([]),
    /** Regional holidays by region code; a holiday on a weekend moves to the next working day. */
    regions: z
      .record(
        z.string().regex(/^\d{2}$/, 'a region code of two digits'),
        z.object({
          source: z.string().min(5),
          holidays: z.array(z.object({ date: DATE, name: z.string().min(1) })),
        }),
      )
      .default({}),
  })
  .superRefine((cal, ctx) => {
    const all = [...cal.daysOff, ...cal.workingDays, ...cal.shortDays];
    for (const [i, d] of all.entries())
      if (!d.startsWith(`${cal.year}-`) && !d.startsWith(`${cal.year + 1}-01-`))
        ctx.addIssue({ code: 'custom', message: `${d} is not in ${cal.year}`, path: ['dates', i] });
    for (const [i, d] of cal.workingDays.entries())
      if (!isWeekend(d))
        ctx.addIssue({ code: 'custom', message: `${d} is not a weekend`, path: ['workingDays', i] });
  });

export type YearCalendar = z.input<typeof yearCalendarSchema>;

/** Non-working public holidays of the Russian Federation (Labour Code, art. 112), by month and day. */
export const RU_PUBLIC_HOLIDAYS = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
];

export type DaySets = {
  holidays: Set<string>;
  workingWeekends: Set<string>;
  shortDays: Set<string>;
};

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Labour Code alone, for a year without an official calendar: holidays plus the weekend rule. */
export function lawOnlyYear(year: number): YearCalendar {
  const dates = RU_PUBLIC_HOLIDAYS.map((md) => `${year}-${md}`);
  const off = new Set(dates.filter((d) => !isWeekend(d)));
  for (const d of dates) {
    // New Year holidays on a weekend are moved only by the government's decree (art. 112, part 2).
    if (!isWeekend(d) || d.slice(5, 7) === '01') continue;
    let next = addDays(d, 1);
    while (isWeekend(next) || off.has(next)) next = addDays(next, 1);
    off.add(next);
  }
  return {
    year,
    source: 'ТК РФ ст. 112 (без постановления Правительства о переносе выходных)',
    daysOff: [...off].sort(),
    workingDays: [],
    shortDays: [],
  };
}

/**
 * The days of the given years for a region: loaded calendars win over the built-in ones, and the law's rules
 * fill any year that has neither.
 */
export function daySets(years: number[], regionCode: string | null, loaded: YearCalendar[] = []): DaySets {
  const sets: DaySets = { holidays: new Set(), workingWeekends: new Set(), shortDays: new Set() };
  for (const year of years) {
    const cal =
      loaded.find((c) => c.year === year) ??
      BUILT_IN_CALENDARS.find((c) => c.year === year) ??
      lawOnlyYear(year);
    for (const d of cal.daysOff) sets.holidays.add(d);
    for (const d of cal.workingDays ?? []) sets.workingWeekends.add(d);
    for (const d of cal.shortDays ?? []) sets.shortDays.add(d);
    const region = regionCode ? cal.regions?.[regionCode] : undefined;
    for (const h of region?.holidays ?? []) {
      let day = h.date;
      // A regional holiday on a weekend or a federal day off moves to the next working day.
      while ((isWeekend(day) && !sets.workingWeekends.has(day)) || sets.holidays.has(day))
        day = addDays(day, 1);
      sets.holidays.add(day);
      sets.shortDays.delete(day);
    }
  }
  return sets;
}

/** Parses a calendar file (JSON) and names the first wrong field; nothing is stored when it fails. */
export function parseYearCalendar(json: string): YearCalendar {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`calendar file: not JSON (${(error as Error).message})`);
  }
  const parsed = yearCalendarSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`calendar file: ${issue?.path.join('.') || 'root'}: ${issue?.message}`);
  }
  return parsed.data;
}
