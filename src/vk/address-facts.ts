// A community's addresses, opening hours and phone from `groups.getAddresses`, read tolerantly: VK's schema
// gives the timetable as a week of days with open and close times in minutes from midnight (and a break);
// anything else VK sends is skipped, never guessed. Also: the menu's widget OGRNs checked against the registry's.
import type { MenuWidget } from './profile-facts.ts';

export type AddressItem = {
  address: string | null;
  title: string | null;
  phone: string | null;
  /** The opening hours as text, e.g. "пн–пт 08:00–17:00 (перерыв 12:00–13:00); сб 10:00–14:00"; null: none sent. */
  timetable: string | null;
};

/** What the addresses block says: the first address's facts (and all items), each null where VK sent nothing. */
export type AddressFacts = {
  address: string | null;
  timetable: string | null;
  phone: string | null;
  items: AddressItem[];
};

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_RU: Record<(typeof DAYS)[number], string> = {
  mon: 'пн',
  tue: 'вт',
  wed: 'ср',
  thu: 'чт',
  fri: 'пт',
  sat: 'сб',
  sun: 'вс',
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const minutes = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 24 * 60 ? n : null;
};
const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** One day's hours as text, or null when the day is not open or its times are not numbers. */
function dayHours(v: unknown): string | null {
  if (!v || typeof v !== 'object') return null;
  const d = v as Record<string, unknown>;
  const open = minutes(d.open_time);
  const close = minutes(d.close_time);
  if (open === null || close === null) return null;
  const breakOpen = minutes(d.break_open_time);
  const breakClose = minutes(d.break_close_time);
  const pause =
    breakOpen !== null && breakClose !== null ? ` (перерыв ${clock(breakOpen)}–${clock(breakClose)})` : '';
  return `${clock(open)}–${clock(close)}${pause}`;
}

/** A week's timetable as text, consecutive days with the same hours joined ("пн–пт 09:00–18:00"). */
export function timetableText(timetable: unknown): string | null {
  if (!timetable || typeof timetable !== 'object' || Array.isArray(timetable)) return null;
  const t = timetable as Record<string, unknown>;
  const runs: { from: string; to: string; hours: string }[] = [];
  let last: number | null = null;
  DAYS.forEach((day, i) => {
    const hours = dayHours(t[day]);
    if (hours === null) return;
    const run = runs.at(-1);
    if (run && last === i - 1 && run.hours === hours) run.to = DAY_RU[day];
    else runs.push({ from: DAY_RU[day], to: DAY_RU[day], hours });
    last = i;
  });
  if (runs.length === 0) return null;
  return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${r.hours}`).join('; ');
}

/** The addresses block from groups.getAddresses' answer ({count, items}); items that are not objects are skipped. */
export function addressFacts(response: unknown): AddressFacts {
  const items = (
    response && typeof response === 'object' && Array.isArray((response as { items?: unknown }).items)
      ? ((response as { items: unknown[] }).items as unknown[])
      : []
  ).flatMap((v): AddressItem[] => {
    if (!v || typeof v !== 'object') return [];
    const a = v as Record<string, unknown>;
    const address = [text(a.address), text(a.additional_address)].filter(Boolean).join(', ') || null;
    return [
      {
        address,
        title: text(a.title),
        phone: text(a.phone),
        timetable: timetableText(a.timetable) ?? text(a.timetable_text),
      },
    ];
  });
  const first = (key: keyof AddressItem) => items.find((i) => i[key] !== null)?.[key] ?? null;
  return { address: first('address'), timetable: first('timetable'), phone: first('phone'), items };
}

/**
 * The menu's widgets with each OGRN checked against the registry's: `matchesRegistry` true or false where both
 * are known, null where the widget carries none or the registry has none for the page.
 */
export function checkMenuOgrn(
  widgets: MenuWidget[] | null,
  registryOgrn: string | null,
): (MenuWidget & { matchesRegistry: boolean | null })[] | null {
  if (widgets === null) return null;
  return widgets.map((w) => ({
    ...w,
    matchesRegistry: w.ogrn === null || !registryOgrn ? null : w.ogrn === registryOgrn,
  }));
}
