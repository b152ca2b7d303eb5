// Shares of a distributed run (collection or audit): each shard lists its pages, is done once, and keeps what
// it found; the run closes when the last shard is done. Written so that retried jobs change nothing twice.
import { sql } from 'kysely';
import { type Db, inTransaction } from './db.ts';
import type { Job } from './jobs/index.ts';
import { readJobProgress, saveJobProgress } from './jobs/index.ts';

export type ShardTable = 'collection_shards' | 'audit_shards';
type RunTable = 'collection_runs' | 'audit_runs';
const RUN_OF: Record<ShardTable, RunTable> = {
  collection_shards: 'collection_runs',
  audit_shards: 'audit_runs',
};

export async function createShards(
  db: Db,
  table: ShardTable,
  runId: number,
  shards: number[][],
  now: number,
) {
  const rows = shards.map((pageIds, shard) => ({
    run_id: runId,
    shard,
    page_ids: JSON.stringify(pageIds),
    pages: pageIds.length,
    status: 'pending' as const,
    stats: null,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await db.kysely
      .insertInto(table)
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function readShard(db: Db, table: ShardTable, runId: number, shard: number) {
  const row = await db.kysely
    .selectFrom(table)
    .selectAll()
    .where('run_id', '=', runId)
    .where('shard', '=', shard)
    .executeTakeFirst();
  return row && { ...row, pageIds: JSON.parse(row.page_ids) as number[] };
}

export function pendingShards(db: Db, table: ShardTable, runId: number) {
  return db.kysely
    .selectFrom(table)
    .select('shard')
    .where('run_id', '=', runId)
    .where('status', '=', 'pending')
    .orderBy('shard')
    .execute();
}

export async function doneShardStats<T>(db: Db, table: ShardTable, runId: number): Promise<T[]> {
  const rows = await db.kysely
    .selectFrom(table)
    .select('stats')
    .where('run_id', '=', runId)
    .where('status', '=', 'done')
    .orderBy('shard')
    .execute();
  return rows.map((r) => JSON.parse(r.stats ?? '{}') as T);
}

/**
 * Marks a shard done with its stats and the run's progress; true when this was the last pending shard (only
 * one caller ever sees true for a run: the update of a done shard changes nothing).
 */
export async function finishShard(
  db: Db,
  table: ShardTable,
  runId: number,
  shard: number,
  stats: object,
  now: number,
): Promise<{ marked: boolean; last: boolean }> {
  return inTransaction(db, async (tx) => {
    const result = await tx.kysely
      .updateTable(table)
      .set({ status: 'done', stats: JSON.stringify(stats), updated_at: now })
      .where('run_id', '=', runId)
      .where('shard', '=', shard)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return { marked: false, last: false };
    const done = tx.kysely
      .selectFrom(table)
      .select(sql<number>`coalesce(sum(pages), 0)`.as('n'))
      .where('run_id', '=', runId)
      .where('status', '=', 'done');
    await tx.kysely.updateTable(RUN_OF[table]).set({ pages_done: done }).where('id', '=', runId).execute();
    // Serialised by the run row's lock (PostgreSQL) or the single writer (SQLite): the last one sees zero.
    const left = await tx.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('run_id', '=', runId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return { marked: true, last: Number(left.n) === 0 };
  });
}

export async function isDistributed(db: Db, table: ShardTable, runId: number): Promise<boolean> {
  const row = await db.kysely
    .selectFrom(table)
    .select('run_id')
    .where('run_id', '=', runId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The run a planning job stands for, and its shards still pending. The first attempt makes the run row, its
 * shards and the job's note of the run in one transaction (`plan` says what); an attempt after a crash finds
 * the run in that note instead of making a second one.
 */
export async function runOfPlanningJob(
  db: Db,
  job: Job<unknown>,
  table: ShardTable,
  plan: () => Promise<{ shards: number[][]; startRun: (tx: Db) => Promise<number> }>,
): Promise<{ runId: number; pending: number[] }> {
  const known = (await readJobProgress(db, job.id)) as { runId?: number } | null;
  let runId = known?.runId;
  if (runId === undefined) {
    const { shards, startRun } = await plan();
    runId = await inTransaction(db, async (tx) => {
      const id = await startRun(tx);
      await createShards(tx, table, id, shards, Date.now());
      await saveJobProgress(tx, job.id, job.queue, JSON.stringify({ runId: id }), Date.now());
      return id;
    });
  }
  return { runId, pending: (await pendingShards(db, table, runId)).map((p) => p.shard) };
}
