// Parsers for command options: a bad value fails with the option's name and the accepted range.
import { InvalidArgumentError } from 'commander';
import { parsePeriod } from '../audit/index.ts';
import { isValidIsoDate, MAX_YEAR, MIN_YEAR } from '../platform/calendar-date.ts';

export function intOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} takes a whole number from ${min} to ${max}, got "${value}"`);
    return n;
  };
}

/** A real calendar date YYYY-MM-DD in 2000–2100 (the same check as every route's date parameters). */
export function isoDateOption(name: string) {
  return (value: string): string => {
    if (!isValidIsoDate(value)) throw new InvalidArgumentError(`${name} takes ${dateHint}, got "${value}"`);
    return value;
  };
}

/** An audit period, "30d" or "YYYY-MM-DD..YYYY-MM-DD", checked now rather than by the job that receives it. */
export function periodOption(name: string) {
  return (value: string): string => {
    try {
      parsePeriod(value, 30);
    } catch (error) {
      throw new InvalidArgumentError(`${name}: ${(error as Error).message.replace(/^--period: /, '')}`);
    }
    return value;
  };
}

const dateHint = `a real date YYYY-MM-DD in ${MIN_YEAR}–${MAX_YEAR}`;

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Standard input to its end, without the last line break: secrets come this way, never as arguments. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
