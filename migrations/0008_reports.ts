// Scheduled reports: a schedule (unit, format, language, cron) owned by the user who made it, and the files
// generated — by a schedule or on request — kept with their content for download and as history. And an index
// for institution lists by name.
import type { AnyDb } from './helpers.ts';
import { isPostgres, withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  for (const table of ['report_schedules', 'report_files'] as const) {
    let t = withId(db, db.schema.createTable(table))
      .addColumn('level', 'text', (c) => c.notNull())
      // Where the unit sits, so lists filter by the caller's scope like everything else; null above it.
      .addColumn('region_code', 'text')
      .addColumn('municipality_id', 'integer')
      .addColumn('institution_id', 'integer')
      .addColumn('unit_key', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'integer', (c) => c.notNull());
    if (table === 'report_schedules')
      t = t.addColumn('cron', 'text', (c) => c.notNull()).addColumn('tz', 'text', (c) => c.notNull());
    else
      t = t
        .addColumn('schedule_id', 'integer', (c) => c.references('report_schedules.id').onDelete('set null'))
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('run_id', 'integer')
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull());
    await t.execute();
  }
  await db.schema.createIndex('report_files_created').on('report_files').columns(['created_at']).execute();
  // Institution lists are sorted by name by default; exports walk them by (name, id) keyset.
  await db.schema.createIndex('institutions_name').on('institutions').columns(['full_name', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('institutions_name').ifExists().execute();
  await db.schema.dropTable('report_files').ifExists().execute();
  await db.schema.dropTable('report_schedules').ifExists().execute();
}
