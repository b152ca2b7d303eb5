// Audit periods as people write them: "30d" (the last 30 days up to the end of today, or of --at) or
// "2026-09-01..2026-11-30" (whole days, both ends included). Bounds are unix seconds, UTC day edges.
import { dayNumber, MIN_UNIX } from '../platform/calendar-date.ts';
import { AppError } from '../platform/errors.ts';

const DAY = 86_400;

/** A real calendar day in 2000–2100 (round trip: "2026-02-30" is refused, not rolled into March). */
function day(text: string, what: string): number {
  return dayNumber(text, what) * DAY;
}

export function parsePeriod(
  spec: string | undefined,
  defaultDays: number,
  at?: string,
  now = new Date(),
): { start: number; end: number } {
  const end = at ? day(at, '--at') + DAY : Math.floor(now.getTime() / 1000 / DAY) * DAY + DAY;
  const text = spec ?? `${defaultDays}d`;
  const relative = /^(\d{1,4})d$/.exec(text);
  if (relative) {
    const start = end - Number(relative[1]) * DAY;
    if (start < MIN_UNIX) throw new AppError('VALIDATION', `--period: "${text}" reaches back before 2000`);
    return { start, end };
  }
  const range = /^(.+)\.\.(.+)$/.exec(text);
  if (range?.[1] && range[2]) {
    const start = day(range[1], '--period start');
    const last = day(range[2], '--period end') + DAY;
    if (last <= start)
      throw new AppError('VALIDATION', `--period: the end ${range[2]} is before the start ${range[1]}`);
    return { start, end: last };
  }
  throw new AppError('VALIDATION', `--period: expected "30d" or "YYYY-MM-DD..YYYY-MM-DD", got "${text}"`);
}

export function formatPeriod(p: { start: number; end: number }): string {
  const d = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
  return `${d(p.start)}..${d(p.end - DAY)}`;
}
