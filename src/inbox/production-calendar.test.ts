// The working calendar against the official production calendars of 2025 and 2026 (government decrees № 1335 and
// № 1466): days off, transfers, the weekend rule, working Saturdays, pre-holiday short days, regional holidays,
// the Labour Code fallback for a year nobody loaded, and loading next year's calendar without a release.
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.ts';
import { loadedCalendars, storeCalendar } from './calendar.repo.ts';
import { calendarOf } from './inbox.service.ts';
import { daySets, lawOnlyYear, parseYearCalendar } from './production-calendar.ts';
import { addWorkingSeconds, isWorkingDay, russianCalendar } from './working-hours.ts';

const HOUR = 3600;
const at = (iso: string) => Date.parse(iso) / 1000;
const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};

/** Working days and hours of a year, the two figures every published production calendar prints. */
function norm(year: number) {
  const cal = russianCalendar('Europe/Moscow', [year]);
  let days = 0;
  let hours = 0;
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const iso = d.toISOString().slice(0, 10);
    if (!isWorkingDay(day(iso), cal)) continue;
    days++;
    hours += cal.shortDays?.has(iso) ? 7 : 8;
  }
  return { days, hours };
}

describe('the production calendar', () => {
  it('has 247 working days and 1,972 hours (40-hour week) in 2025 and in 2026, as published', () => {
    expect(norm(2025)).toEqual({ days: 247, hours: 1972 });
    expect(norm(2026)).toEqual({ days: 247, hours: 1972 });
  });

  it('2026: 9 January and 31 December are days off (the decree), 9 March and 11 May too (the weekend rule)', () => {
    const cal = russianCalendar('Europe/Moscow', [2026]);
    for (const d of ['2026-01-09', '2026-12-31', '2026-03-09', '2026-05-11', '2026-02-23', '2026-11-04'])
      expect(isWorkingDay(day(d), cal), d).toBe(false);
    for (const d of ['2026-01-12', '2026-03-10', '2026-05-12', '2026-12-30'])
      expect(isWorkingDay(day(d), cal), d).toBe(true);
  });

  it('2025: Saturday 1 November is a working day, 3 November, 2 and 8 May, 13 June and 31 December are not', () => {
    const cal = russianCalendar('Europe/Moscow', [2025]);
    expect(isWorkingDay(day('2025-11-01'), cal)).toBe(true);
    for (const d of ['2025-11-03', '2025-05-02', '2025-05-08', '2025-06-13', '2025-12-31'])
      expect(isWorkingDay(day(d), cal), d).toBe(false);
    // 24 February and 10 March 2025 were working: the decree moved those days to 8 May and 13 June.
    expect(isWorkingDay(day('2025-02-24'), cal)).toBe(true);
    expect(isWorkingDay(day('2025-03-10'), cal)).toBe(true);
  });

  it('shortens a pre-holiday day by one hour: a question at 12:00 on 30 April 2026 has 5 hours that day', () => {
    const cal = russianCalendar('Europe/Moscow', [2026]);
    // 30 April (short, ends 17:00) → 1–3 May off → 4 May from 09:00.
    expect(addWorkingSeconds(at('2026-04-30T12:00:00+03:00'), 6 * HOUR, cal)).toBe(
      at('2026-05-04T10:00:00+03:00'),
    );
  });

  it('adds the holidays of Tatarstan and Bashkortostan, moving a weekend one to the next working day', () => {
    const ba = daySets([2026], '02');
    expect(ba.holidays.has('2026-03-20')).toBe(true); // Ураза-байрам
    expect(ba.holidays.has('2026-05-27')).toBe(true); // Курбан-байрам
    expect(ba.holidays.has('2026-10-12')).toBe(true); // День Республики, 11 October is a Sunday
    const ta = daySets([2026], '16');
    expect(ta.holidays.has('2026-11-06')).toBe(true);
    expect(ta.holidays.has('2026-08-31')).toBe(true); // 30 August is a Sunday
    // Moscow has none of them.
    expect(daySets([2026], '77').holidays.has('2026-05-27')).toBe(false);
  });

  it('falls back to the Labour Code for a year nobody loaded: a weekend holiday moves, New Year days do not', () => {
    const y2027 = lawOnlyYear(2027);
    // 9 May 2027 is a Sunday → 10 May; 12 June a Saturday → 14 June; 2–3 January (weekend) move nowhere.
    expect(y2027.daysOff).toContain('2027-05-10');
    expect(y2027.daysOff).toContain('2027-06-14');
    expect(y2027.daysOff).not.toContain('2027-01-11');
  });

  it('rejects a calendar file with a wrong field, naming it', () => {
    expect(() => parseYearCalendar('{')).toThrow(/not JSON/);
    expect(() =>
      parseYearCalendar(JSON.stringify({ year: 2027, source: 'Постановление', daysOff: ['2027-13'] })),
    ).toThrow(/daysOff\.0/);
    expect(() =>
      parseYearCalendar(
        JSON.stringify({ year: 2027, source: 'Постановление', daysOff: [], workingDays: ['2027-03-03'] }),
      ),
    ).toThrow(/not a weekend/);
  });
});

describeEachDialect('a production calendar loaded without a release', (ctx) => {
  it('replaces the Labour Code fallback for its year in the inbox deadlines', async () => {
    const now = at('2027-03-01T12:00:00+03:00');
    const page = { timezone: 'Europe/Moscow', region_code: '77' };
    // Before loading: 2027 follows the law only, so 5 March 2027 (Friday) is a working day.
    expect(isWorkingDay(day('2027-03-05'), calendarOf(page, now, await loadedCalendars(ctx.db)))).toBe(true);
    const file = parseYearCalendar(
      JSON.stringify({
        year: 2027,
        source: 'Постановление Правительства РФ о переносе выходных дней в 2027 году (test)',
        daysOff: ['2027-03-05', '2027-03-08'],
        workingDays: ['2027-03-13'],
      }),
    );
    await storeCalendar(ctx.db, file, now);
    await storeCalendar(ctx.db, file, now); // loading twice keeps one row
    const cal = calendarOf(page, now, await loadedCalendars(ctx.db));
    expect(isWorkingDay(day('2027-03-05'), cal)).toBe(false);
    expect(isWorkingDay(day('2027-03-13'), cal)).toBe(true);
    expect(await loadedCalendars(ctx.db)).toHaveLength(1);
  });
});
