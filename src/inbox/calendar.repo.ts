// SQL of the loaded production calendars: store one year (replacing an earlier load), read them all.
import type { Db } from '../platform/db.ts';
import { parseYearCalendar, type YearCalendar } from './production-calendar.ts';

export async function storeCalendar(db: Db, cal: YearCalendar, now: number): Promise<void> {
  const row = { year: cal.year, calendar_json: JSON.stringify(cal), source: cal.source, loaded_at: now };
  await db.kysely
    .insertInto('work_calendars')
    .values(row)
    .onConflict((oc) => oc.column('year').doUpdateSet(row))
    .execute();
}

export async function loadedCalendars(db: Db): Promise<YearCalendar[]> {
  const rows = await db.kysely.selectFrom('work_calendars').select('calendar_json').execute();
  return rows.map((r) => parseYearCalendar(r.calendar_json));
}
