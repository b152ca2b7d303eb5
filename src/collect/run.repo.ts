// SQL of collection runs: each run is a row that starts "running" and ends "done" or "failed".
import type { Db } from '../platform/db.ts';
import type { RunStatus } from '../platform/db-schema.ts';

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

export async function updateCollectionRun(
  db: Db,
  id: number,
  change: { status?: RunStatus; pagesDone?: number; finishedAt?: number; stats?: object },
): Promise<void> {
  await db.kysely
    .updateTable('collection_runs')
    .set({
      ...(change.status ? { status: change.status } : {}),
      ...(change.pagesDone !== undefined ? { pages_done: change.pagesDone } : {}),
      ...(change.finishedAt !== undefined ? { finished_at: change.finishedAt } : {}),
      ...(change.stats ? { stats_json: JSON.stringify(change.stats) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function lastCollectionRun(db: Db) {
  return db.kysely
    .selectFrom('collection_runs')
    .select(['id', 'kind', 'status', 'started_at', 'finished_at', 'pages_total', 'pages_done'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
