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

/** The local date and time of an instant as Intl formats it: exact, and slow (a few microseconds a call). */
function localTimeByIntl(instant: number, timeZone: string): LocalDate & { seconds: number } {
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

/** Offsets change at whole quarter hours of UTC at the finest (Nepal, Chatham, Lord Howe): one per quarter. */
const QUARTER_HOUR = 900;
const MAX_OFFSETS = 100_000;
/** Per zone, the offset of each quarter hour asked so far (null: it changes inside that quarter hour). */
const offsets = new Map<string, Map<number, number | null>>();

function offsetAt(instant: number, timeZone: string): number {
  const l = localTimeByIntl(instant, timeZone);
  return Date.UTC(l.y, l.m - 1, l.d) / 1000 + l.seconds - Math.floor(instant);
}

/**
 * The local date and time of an instant. The zone's offset is looked up once per quarter hour of UTC (Intl at
 * its first and last second; a quarter hour whose offset changes inside it is left to Intl), then the local
 * time is the instant shifted by it: the same answer as Intl's, without formatting every instant (inbox
 * metrics and reports ask it for every comment).
 */
export function localTime(instant: number, timeZone: string): LocalDate & { seconds: number } {
  const quarter = Math.floor(instant / QUARTER_HOUR);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(quarter);
  if (offset === undefined) {
    const first = offsetAt(quarter * QUARTER_HOUR, timeZone);
    offset = first === offsetAt((quarter + 1) * QUARTER_HOUR - 1, timeZone) ? first : null;
    if (zone.size >= MAX_OFFSETS) zone.clear();
    zone.set(quarter, offset);
  }
  if (offset === null) return localTimeByIntl(instant, timeZone);
  const local = new Date((Math.floor(instant) + offset) * 1000);
  return {
    y: local.getUTCFullYear(),
    m: local.getUTCMonth() + 1,
    d: local.getUTCDate(),
    seconds: local.getUTCHours() * 3600 + local.getUTCMinutes() * 60 + local.getUTCSeconds(),
  };
}

/** The instant at a local wall-clock time (seconds after local midnight) of a local date. */
export function instantAt(date: LocalDate, seconds: number, timeZone: string): number {
  const guess = Date.UTC(date.y, date.m - 1, date.d) / 1000 + seconds;
  const offsetOf = (t: number) => {
    const l = localTime(t, timeZone);
    return Date.UTC(l.y, l.m - 1, l.d) / 1000 + l.seconds - t;
  };
  const first = guess - offsetOf(guess);
  // Offsets change (DST, law): the offset at the answer, not at the guess, is the right one.
  return guess - offsetOf(first);
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
