// Production calendars loaded without a release (`publica calendar load FILE`): one row per year, the official
// days off, working Saturdays, short days and regional holidays as validated JSON, with the source it came from.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('work_calendars')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('calendar_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('work_calendars').ifExists().execute();
}
