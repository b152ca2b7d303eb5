import { describe, expect, it } from 'vitest';
import { instantAt, localTime } from './time-zone.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** What Intl says for every instant: the reference localTime must agree with. */
function byIntl(instant: number, timeZone: string) {
  const format =
    formats.get(timeZone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  formats.set(timeZone, format);
  const parts = Object.fromEntries(
    format.formatToParts(new Date(instant * 1000)).map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return {
    y: parts.year ?? 1970,
    m: parts.month ?? 1,
    d: parts.day ?? 1,
    seconds: (parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0),
  };
}

// Zones with daylight saving, half- and quarter-hour offsets and a half-hour DST shift.
const ZONES = [
  'Europe/Moscow',
  'Asia/Yekaterinburg',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
];

describe('local time in a zone', () => {
  it('agrees with Intl at every second around offset changes and at random instants', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (const zone of ZONES) {
      const instants: number[] = [];
      // Every hour of 2025–2026 finds the changes; the instants around each are then checked every 13 s.
      const offset = (t: number) => {
        const l = byIntl(t, zone);
        return Date.UTC(l.y, l.m - 1, l.d) / 1000 + l.seconds - t;
      };
      let previous = offset(1_735_689_600 - 3600);
      for (let t = 1_735_689_600; t < 1_798_761_600; t += 3600) {
        const now = offset(t);
        if (now !== previous) for (let s = t - 3600; s <= t + 600; s += 13) instants.push(s, s + 0.5);
        previous = now;
      }
      for (let i = 0; i < 1000; i++) instants.push(Math.floor(random() * 2_000_000_000));
      for (const t of instants) expect(localTime(t, zone), `${zone} ${t}`).toEqual(byIntl(t, zone));
    }
  });

  it('turns a local date and time back into the instant, across a daylight-saving change', () => {
    // Berlin, 2026-03-29: 01:30 is CET (+1), 03:30 is CEST (+2).
    expect(instantAt({ y: 2026, m: 3, d: 29 }, 1.5 * 3600, 'Europe/Berlin')).toBe(
      Date.UTC(2026, 2, 29, 0, 30) / 1000,
    );
    expect(instantAt({ y: 2026, m: 3, d: 29 }, 3.5 * 3600, 'Europe/Berlin')).toBe(
      Date.UTC(2026, 2, 29, 1, 30) / 1000,
    );
    expect(instantAt({ y: 2026, m: 11, d: 29 }, 9 * 3600, 'Europe/Moscow')).toBe(
      Date.UTC(2026, 10, 29, 6, 0) / 1000,
    );
  });
});
