// The audit tells the truth: a count of `unknown` rule results, the facts operators check by hand or import
// from the region's Госпаблики export (with who, when and evidence), and the methodology version a region
// chooses (none = the national default).
import type { AnyDb } from './helpers.ts';
import { withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('audit_rule_stats')
    .addColumn('n_unknown', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await withId(db, db.schema.createTable('page_facts'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('fact', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('checked_at', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .execute();
  await db.schema
    .createIndex('page_facts_page')
    .on('page_facts')
    .columns(['page_id', 'fact', 'checked_at'])
    .execute();
  await db.schema.alterTable('regions').addColumn('methodology_version', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('regions').dropColumn('methodology_version').execute();
  await db.schema.dropTable('page_facts').execute();
  await db.schema.alterTable('audit_rule_stats').dropColumn('n_unknown').execute();
}
