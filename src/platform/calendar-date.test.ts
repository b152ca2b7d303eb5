// The shared date schemas: real calendar values in 2000–2100 pass, every rolled-over or far-off one is refused,
// and day numbers step through month, year and leap-day edges.
import { describe, expect, it } from 'vitest';
import {
  checkIsoDate,
  dayNumber,
  hhmm,
  isoDate,
  isoOfDayNumber,
  localDateTime,
  timeZone,
  unixSeconds,
  unixSecondsQuery,
  weekdayOfDayNumber,
} from './calendar-date.ts';

describe('calendar dates', () => {
  it('takes real dates in 2000–2100 and refuses the rest, by round trip', () => {
    for (const good of ['2000-01-01', '2024-02-29', '2026-12-31', '2100-12-31'])
      expect(isoDate.safeParse(good).success, good).toBe(true);
    for (const bad of [
      '2026-13-45',
      '0000-01-01',
      '2026-02-30',
      '2025-02-29',
      '2100-02-29',
      '1999-12-31',
      '2101-01-01',
      '2026-00-10',
      '2026-1-1',
      '-000001-12',
      '2026-01-01T00:00',
      '',
    ])
      expect(isoDate.safeParse(bad).success, bad).toBe(false);
  });

  it('takes wall-clock times and local date-times that exist on a clock', () => {
    expect(hhmm.safeParse('23:59').success).toBe(true);
    for (const bad of ['25:61', '24:00', '9:00', '12:60'])
      expect(hhmm.safeParse(bad).success, bad).toBe(false);
    expect(localDateTime.safeParse('2026-12-15T15:00').success).toBe(true);
    for (const bad of ['2026-13-45T25:61', '2026-02-30T10:00', '2026-03-01T25:00', '2026-03-01T10:00T1'])
      expect(localDateTime.safeParse(bad).success, bad).toBe(false);
  });

  it('keeps unix seconds and time zones in range', () => {
    expect(unixSeconds.safeParse(Date.UTC(2026, 0, 1) / 1000).success).toBe(true);
    for (const bad of [0, -1, 1, 1e12, 1.5])
      expect(unixSeconds.safeParse(bad).success, String(bad)).toBe(false);
    expect(unixSecondsQuery.safeParse('1767225600').success).toBe(true);
    expect(unixSecondsQuery.safeParse('99999999999').success).toBe(false);
    expect(timeZone.safeParse('Asia/Vladivostok').success).toBe(true);
    expect(timeZone.safeParse('Mars/Olympus').success).toBe(false);
  });

  it('counts days across month, leap-day and year edges, Mondays first', () => {
    expect(isoOfDayNumber(dayNumber('2024-02-28') + 1)).toBe('2024-02-29');
    expect(isoOfDayNumber(dayNumber('2026-12-31') + 1)).toBe('2027-01-01');
    expect(weekdayOfDayNumber(dayNumber('2026-11-30'))).toBe(0);
    expect(weekdayOfDayNumber(dayNumber('2026-11-29'))).toBe(6);
    expect(() => checkIsoDate('2026-02-30', '--at')).toThrow(/^--at: expected a real date/);
  });
});
