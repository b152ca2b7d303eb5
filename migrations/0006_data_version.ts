// Version counters bumped inside the writing transaction, per kind of data (registry, audit results,
// collection; and accounts): web processes key their response and credential caches on them, so nothing cached
// is served after the data under it changed, in any process. And covering indexes for roll-ups and page lists,
// so they read no result JSON.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  // 1 registry, 2 auth (sign-outs, role changes, revocations), 3 audit results, 4 collection.
  await db
    .insertInto('data_version')
    .values([1, 2, 3, 4].map((id) => ({ id, version: 1 })))
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
