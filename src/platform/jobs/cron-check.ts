// What a cron schedule given by a person (not by the operator's environment) may be: five fields (no seconds
// field), an expression cron-parser reads, a time zone Intl knows, and — for work as heavy as a report — at most
// once an hour. A bad value stored once broke every scheduler tick, so it is refused before anything is written.
import { CronExpressionParser } from 'cron-parser';
import { isTimeZone } from '../time-zone.ts';

export type CronRules = { hourlyAtMost?: boolean };

/** Why a cron expression is refused, or null when it is fine. */
export function cronProblem(cron: string, rules: CronRules = {}): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5)
    return `expected 5 fields (minute hour day month weekday), got ${fields.length}; a seconds field is not allowed`;
  try {
    CronExpressionParser.parse(cron, { tz: 'UTC' });
  } catch (error) {
    return `not a cron expression: ${(error as Error).message}`;
  }
  // One minute of the hour at most: "0 * * * *" is hourly, "*/30 * * * *" or "0,30 * * * *" more often.
  if (rules.hourlyAtMost && !/^\d{1,2}$/.test(fields[0] as string))
    return 'at most once an hour: the minute field must be a single minute, e.g. "0 7 * * *"';
  return null;
}

/** Why a time zone is refused, or null. */
export function timeZoneProblem(tz: string): string | null {
  return isTimeZone(tz) ? null : `unknown time zone "${tz}"; expected an IANA zone such as Europe/Moscow`;
}
