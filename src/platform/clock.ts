// Time in one place, so tests and deterministic generators can fix "now".
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const date = new Date(at);
  return { now: () => new Date(date) };
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export const DAY_SECONDS = 86_400;
