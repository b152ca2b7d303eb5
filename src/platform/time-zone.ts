// Wall-clock time in an IANA time zone, both ways: the local date and time of an instant, and the instant of a
// local date and time. Offsets are looked up at the instant itself, so daylight-saving and legal changes hold.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export type LocalDate = { y: number; m: number; d: number };

export function localTime(instant: number, timeZone: string): LocalDate & { seconds: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant * 1000))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return {
    y: parts.year ?? 1970,
    m: parts.month ?? 1,
    d: parts.day ?? 1,
    seconds: (parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0),
  };
}

/** The instant at a local wall-clock time (seconds after local midnight) of a local date. */
export function instantAt(date: LocalDate, seconds: number, timeZone: string): number {
  const guess = Date.UTC(date.y, date.m - 1, date.d) / 1000 + seconds;
  const offsetAt = (t: number) => {
    const l = localTime(t, timeZone);
    return Date.UTC(l.y, l.m - 1, l.d) / 1000 + l.seconds - t;
  };
  const first = guess - offsetAt(guess);
  // Offsets change (DST, law): the offset at the answer, not at the guess, is the right one.
  return guess - offsetAt(first);
}

/** Whether Intl knows the IANA zone ("Europe/Moscow" yes, "Mars/Olympus" no). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}
