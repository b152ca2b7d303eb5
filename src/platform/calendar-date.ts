// Calendar dates and times as routes and commands receive them: a value is accepted only if it is a real
// calendar date (or wall-clock time) between the years 2000 and 2100, checked by a round trip, so "2026-02-30",
// "0000-01-01" or "25:61" are refused at the door instead of rolling over or looping. Arithmetic works on day
// numbers (days since 1970-01-01), which never repeat, so a loop over them always ends.
import { z } from 'zod';
import { AppError } from './errors.ts';
import { isTimeZone } from './time-zone.ts';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** 2000-01-01T00:00:00Z and 2101-01-01T00:00:00Z: the unix seconds a date or time parameter may take. */
export const MIN_UNIX = Date.UTC(MIN_YEAR, 0, 1) / 1000;
export const MAX_UNIX = Date.UTC(MAX_YEAR + 1, 0, 1) / 1000 - 1;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

export type CalendarDate = { y: number; m: number; d: number };

/** The date of "YYYY-MM-DD" if it names a real day in range, else null. */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = DATE_RE.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  // Round trip: 2026-02-30 becomes 2 March, 2026-13-01 January next year; neither comes back the same.
  const back = new Date(Date.UTC(y, m - 1, d));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return { y, m, d };
}

/** Minutes after midnight of "HH:MM" (00:00–23:59), else null. */
export function parseHhmm(text: string): number | null {
  const match = TIME_RE.exec(text);
  if (!match) return null;
  const [h, min] = [Number(match[1]), Number(match[2])];
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

/** A local "YYYY-MM-DDTHH:MM" as its date and minutes after midnight, else null. */
export function parseLocalDateTime(text: string): { date: CalendarDate; minutes: number } | null {
  const [day, time, extra] = text.split('T');
  if (extra !== undefined || day === undefined || time === undefined) return null;
  const date = parseIsoDate(day);
  const minutes = parseHhmm(time);
  return date && minutes !== null ? { date, minutes } : null;
}

export const isValidIsoDate = (text: string) => parseIsoDate(text) !== null;

/** Days since 1970-01-01 of a valid date. */
export const dayNumberOf = (d: CalendarDate) => Date.UTC(d.y, d.m - 1, d.d) / DAY_MS;

/** Days since 1970-01-01 of "YYYY-MM-DD"; throws on a date that is not real or out of range. */
export function dayNumber(iso: string, field = 'date'): number {
  const date = parseIsoDate(iso);
  if (!date) throw new AppError('VALIDATION', `${field}: ${DATE_MESSAGE}, got "${iso}"`);
  return dayNumberOf(date);
}

export const isoOfDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** 0 for Monday … 6 for Sunday. */
export const weekdayOfDayNumber = (n: number) => (((n + 3) % 7) + 7) % 7;

export const DATE_MESSAGE = `expected a real date YYYY-MM-DD in ${MIN_YEAR}–${MAX_YEAR}`;
export const TIME_MESSAGE = 'expected a time HH:MM from 00:00 to 23:59';
export const LOCAL_DATE_TIME_MESSAGE = `expected a real local time YYYY-MM-DDTHH:MM in ${MIN_YEAR}–${MAX_YEAR}`;
export const UNIX_MESSAGE = `expected unix seconds in ${MIN_YEAR}–${MAX_YEAR}`;

/** A "YYYY-MM-DD" parameter (query, body or path). */
export const isoDate = z.string().max(10).refine(isValidIsoDate, DATE_MESSAGE);
/** An "HH:MM" parameter. */
export const hhmm = z
  .string()
  .max(5)
  .refine((t) => parseHhmm(t) !== null, TIME_MESSAGE);
/** A local wall-clock "YYYY-MM-DDTHH:MM" parameter. */
export const localDateTime = z
  .string()
  .max(16)
  .refine((t) => parseLocalDateTime(t) !== null, LOCAL_DATE_TIME_MESSAGE);
/** An instant in unix seconds in a body. */
export const unixSeconds = z.number().int().min(MIN_UNIX, UNIX_MESSAGE).max(MAX_UNIX, UNIX_MESSAGE);
/** An instant in unix seconds in a query string. */
export const unixSecondsQuery = z.coerce
  .number()
  .int()
  .min(MIN_UNIX, UNIX_MESSAGE)
  .max(MAX_UNIX, UNIX_MESSAGE);

/** An IANA time zone Intl knows: a zone it does not ("Mars/Olympus") once broke every scheduler tick. */
export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'expected an IANA time zone such as Europe/Moscow');

/** For command options and other hand-parsed text: the date itself, or a VALIDATION error naming the field. */
export function checkIsoDate(text: string, field: string): string {
  dayNumber(text, field);
  return text;
}
