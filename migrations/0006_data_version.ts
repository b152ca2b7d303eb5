// Counters bumped in the writing transaction: one by every write to registry, collection or audit results (web
// processes key their response caches on it, so a cached roll-up is never served after the data changed, in any
// process), one by every change to sessions, tokens and users (so cached credentials are rechecked). And covering indexes for roll-ups and page lists, so they read no result JSON.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  // Row 1 counts data changes; row 2 counts changes to who may do what (sign-outs, role changes, revocations).
  await db
    .insertInto('data_version')
    .values([
      { id: 1, version: 1 },
      { id: 2, version: 1 },
    ])
    .execute();
  await db.schema
    .createIndex('audit_page_results_rollup')
    .on('audit_page_results')
    .columns(['run_id', 'region_code', 'municipality_id', 'level', 'verified', 'institution_id', 'total'])
    .execute();
  await db.schema
    .createIndex('audit_page_results_card')
    .on('audit_page_results')
    .columns(['run_id', 'page_id', 'total', 'level', 'verified'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('audit_page_results_card').ifExists().execute();
  await db.schema.dropIndex('audit_page_results_rollup').ifExists().execute();
  await db.schema.dropTable('data_version').ifExists().execute();
}
