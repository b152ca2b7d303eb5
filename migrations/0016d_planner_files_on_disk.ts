// Planner files move out of the database: a new file's bytes live on disk under the files directory, named by
// `storage_key`; its `data` is left empty. Files stored before keep their bytes in `data` and are read from there.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('planner_files').addColumn('storage_key', 'text').execute();
  await db.schema.createIndex('planner_files_page').on('planner_files').column('page_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('planner_files_page').ifExists().execute();
  await db.schema.alterTable('planner_files').dropColumn('storage_key').execute();
}
