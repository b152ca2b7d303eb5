// SQL of collection runs: each run is a row that starts "running" and ends "done" or "failed".
import { type Db, type RunChange, runChangeSet } from '../platform/db.ts';

export async function startCollectionRun(
  db: Db,
  kind: string,
  pagesTotal: number,
  at: number,
): Promise<number> {
  const row = await db.kysely
    .insertInto('collection_runs')
    .values({ kind, status: 'running', started_at: at, pages_total: pagesTotal, pages_done: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Collections by hand (kind "vk") left "running" by a process that died are marked failed when the next one
 * starts; what they stored stays (upserts), and the next run reads on from it. Runs of workers ("vk-jobs") are
 * not: their shard jobs outlive any one process. Should two collections by hand overlap, the survivor's own
 * last update sets its status right again.
 */
export async function failInterruptedCollections(db: Db, at: number): Promise<void> {
  await db.kysely
    .updateTable('collection_runs')
    .set({ status: 'failed', finished_at: at, stats_json: JSON.stringify({ error: 'interrupted' }) })
    .where('status', '=', 'running')
    .where('kind', '=', 'vk')
    .execute();
}

export async function updateCollectionRun(db: Db, id: number, change: RunChange): Promise<void> {
  await db.kysely.updateTable('collection_runs').set(runChangeSet(change)).where('id', '=', id).execute();
}

export async function lastCollectionRun(db: Db) {
  return db.kysely
    .selectFrom('collection_runs')
    .select(['id', 'kind', 'status', 'started_at', 'finished_at', 'pages_total', 'pages_done'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function getCollectionRun(db: Db, id: number) {
  return db.kysely.selectFrom('collection_runs').selectAll().where('id', '=', id).executeTakeFirst();
}
