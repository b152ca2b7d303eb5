// Parsers for command options: a bad value fails with the option's name and the accepted range.
import { InvalidArgumentError } from 'commander';

export function intOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} takes a whole number from ${min} to ${max}, got "${value}"`);
    return n;
  };
}

export function isoDateOption(name: string) {
  return (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
      throw new InvalidArgumentError(`${name} takes a date as YYYY-MM-DD, got "${value}"`);
    return value;
  };
}

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
