// Wall-clock time in a region's time zone, for date-time inputs: a planned post is entered and shown in the
// page's region's time, whatever the browser's zone.
function partsIn(unixSeconds: number, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(unixSeconds * 1000))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return parts;
}

/** "YYYY-MM-DDTHH:MM" of a moment in a zone (a datetime-local input's value). */
export function toZonedInput(unixSeconds: number, timeZone: string): string {
  const p = partsIn(unixSeconds, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The calendar day "YYYY-MM-DD" of a moment in a zone. */
export function zonedDate(unixSeconds: number, timeZone: string): string {
  return toZonedInput(unixSeconds, timeZone).slice(0, 10);
}

const offsetAt = (unixSeconds: number, timeZone: string) => {
  const local = toZonedInput(unixSeconds, timeZone);
  return Date.parse(`${local}:00Z`) / 1000 - Math.floor(unixSeconds / 60) * 60;
};

/** The moment of "YYYY-MM-DDTHH:MM" in a zone. */
export function fromZonedInput(value: string, timeZone: string): number {
  const guess = Date.parse(`${value}:00Z`) / 1000;
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}
