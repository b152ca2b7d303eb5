// Numbers, dates and levels as the user reads them, in the current language.
import i18next from 'i18next';

export const LEVELS = ['flagship', 'active', 'business_card', 'basic', 'inactive'] as const;

/** Level colours that keep AA contrast against white text (badges) in both themes. */
export const LEVEL_COLORS: Record<string, string> = {
  flagship: '#1a7f37',
  active: '#2a6fdb',
  business_card: '#8a5a00',
  basic: '#b35900',
  inactive: '#b42318',
};

const locale = () => (i18next.language === 'en' ? 'en-GB' : 'ru-RU');

export function num(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(locale(), { maximumFractionDigits: digits });
}

export function pct(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  return `${(share * 100).toLocaleString(locale(), { maximumFractionDigits: 1 })}%`;
}

export function day(unixSeconds: number | null | undefined): string {
  if (!unixSeconds) return '—';
  return new Date(unixSeconds * 1000).toLocaleDateString(locale(), { timeZone: 'UTC' });
}

/** A moment as a reader says it: "12 ноября 2026 г., 14:05" (the viewer's own time zone). */
export function dateTime(unixSeconds: number | null | undefined): string {
  if (!unixSeconds) return '—';
  return new Date(unixSeconds * 1000).toLocaleString(locale(), { dateStyle: 'long', timeStyle: 'short' });
}

export function period(p: { periodStart: number; periodEnd: number } | null | undefined): string {
  // The period's end is exclusive (midnight of the day after).
  return p ? `${day(p.periodStart)} — ${day(p.periodEnd - 1)}` : '—';
}

export function signed(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value > 0 ? '+' : ''}${num(value)}`;
}

/** A moment in a seminar's own time zone, as its region's admins read it: "10 декабря 2026 г., 15:00". */
export function zonedTime(unixSeconds: number, timeZone: string): string {
  return new Date(unixSeconds * 1000).toLocaleString(locale(), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  });
}

/** A time zone as its reader names it ("Екатеринбург, стандартное время"), not as an IANA id. */
export function zoneName(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale(), { timeZone, timeZoneName: 'long' }).formatToParts(
      new Date(),
    );
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
