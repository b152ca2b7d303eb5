// Working time across weekends, public holidays, the New Year break, time zones from Kaliningrad to
// Vladivostok, and a daylight-saving change.
import { describe, expect, it } from 'vitest';
import { addWorkingSeconds, russianCalendar, workingSecondsBetween } from './working-hours.ts';

const HOUR = 3600;
const at = (iso: string) => Date.parse(iso) / 1000;
const moscow = russianCalendar('Europe/Moscow', [2026, 2027]);

describe('working hours', () => {
  it('carries a Friday evening question over the weekend: one working day later is Monday evening', () => {
    expect(addWorkingSeconds(at('2026-11-27T17:00:00+03:00'), 9 * HOUR, moscow)).toBe(
      at('2026-11-30T17:00:00+03:00'),
    );
    expect(
      workingSecondsBetween(at('2026-11-27T18:00:00+03:00'), at('2026-11-30T09:00:00+03:00'), moscow),
    ).toBe(0);
  });

  it('skips a public holiday in mid-week (4 November, Unity Day) and ends the day before it an hour early', () => {
    // 3 November 2026 is a pre-holiday day: 12:00–17:00 is 5 hours, the other 4 come on 5 November.
    expect(addWorkingSeconds(at('2026-11-03T12:00:00+03:00'), 9 * HOUR, moscow)).toBe(
      at('2026-11-05T13:00:00+03:00'),
    );
    expect(
      workingSecondsBetween(at('2026-11-03T00:00:00+03:00'), at('2026-11-06T00:00:00+03:00'), moscow),
    ).toBe(17 * HOUR);
  });

  it('skips the New Year break and the weekend after it', () => {
    // 31 Dec 2026 (Thursday) is a day off by the decree; 1–8 January 2027 holidays; 9–10 January a weekend.
    expect(addWorkingSeconds(at('2026-12-30T17:00:00+03:00'), 9 * HOUR, moscow)).toBe(
      at('2027-01-11T17:00:00+03:00'),
    );
  });

  it('counts each region in its own time zone: the same instants, different working time', () => {
    const from = at('2026-11-27T06:00:00Z');
    const to = at('2026-11-27T10:00:00Z');
    // 16:00–20:00 in Vladivostok (2 h before 18:00); 08:00–12:00 in Kaliningrad (3 h after 09:00).
    expect(workingSecondsBetween(from, to, russianCalendar('Asia/Vladivostok', [2026]))).toBe(2 * HOUR);
    expect(workingSecondsBetween(from, to, russianCalendar('Europe/Kaliningrad', [2026]))).toBe(3 * HOUR);
  });

  it('follows a daylight-saving change (Berlin, 29 March 2026)', () => {
    const berlin = { timeZone: 'Europe/Berlin', startHour: 9, endHour: 18, holidays: new Set<string>() };
    expect(addWorkingSeconds(at('2026-03-27T17:00:00+01:00'), 9 * HOUR, berlin)).toBe(
      at('2026-03-30T17:00:00+02:00'),
    );
  });

  it('starts a question asked at night at the next morning, and counts nothing backwards', () => {
    expect(addWorkingSeconds(at('2026-11-25T23:30:00+03:00'), HOUR, moscow)).toBe(
      at('2026-11-26T10:00:00+03:00'),
    );
    expect(
      workingSecondsBetween(at('2026-11-26T12:00:00+03:00'), at('2026-11-26T11:00:00+03:00'), moscow),
    ).toBe(0);
  });

  it('honours a working Saturday (a transfer)', () => {
    const transfer = { ...moscow, workingWeekends: new Set(['2026-11-28']) };
    expect(addWorkingSeconds(at('2026-11-27T17:00:00+03:00'), 9 * HOUR, transfer)).toBe(
      at('2026-11-28T17:00:00+03:00'),
    );
  });
});
