// Shares of a distributed run (collection or audit): each shard lists its pages, is done once, and keeps what
// it found; the run closes when the last shard is done. Written so that retried jobs change nothing twice.
import { sql } from 'kysely';
import { type Db, inTransaction } from './db.ts';

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
