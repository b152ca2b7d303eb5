// Escalation of unanswered questions: each region's setting (working hours past the deadline before a question
// goes to the municipality's queue, and to the region's), and the moves themselves, one row per item and level,
// so the history is kept after the question is answered and a second pass records nothing twice.
import type { AnyDb } from './helpers.ts';
import { withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('escalation_settings')
    .addColumn('region_code', 'text', (c) => c.primaryKey().references('regions.code').onDelete('cascade'))
    .addColumn('to_municipality_after_hours', 'integer', (c) => c.notNull())
    .addColumn('to_region_after_hours', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('inbox_escalations'))
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('moved_at', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('inbox_escalations_once', ['item_kind', 'item_id', 'level'])
    .execute();
  await db.schema
    .createIndex('inbox_escalations_page')
    .on('inbox_escalations')
    .columns(['page_id', 'level'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('inbox_escalations').ifExists().execute();
  await db.schema.dropTable('escalation_settings').ifExists().execute();
}
