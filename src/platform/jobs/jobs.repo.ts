// SQL of the database job queue, of job progress (both queues) and of cron schedules. Times in milliseconds.
import { type Insertable, sql } from 'kysely';
import type { Db } from '../db.ts';
import type { JobScheduleTable, JobState, JobTable } from '../db-schema.ts';

/** Inserts a job; false when a waiting job of the same singleton queue holds the key. */
export async function insertJob(db: Db, row: Insertable<JobTable>): Promise<boolean> {
  const result = await db.kysely
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes the next due job of a queue for `holder`; skipped rows another process holds (PostgreSQL). */
export async function claimJob(
  db: Db,
  queue: string,
  holder: string,
  now: number,
): Promise<JobTable | undefined> {
  const skipLocked = db.dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<JobTable>`
    update jobs set state = 'active', started_at = cast(${now} as bigint),
      expires_at = cast(${now} as bigint) + expire_seconds * 1000, holder = ${holder}
    where state in ('created', 'retry') and id = (
      select id from jobs
      where queue = ${queue} and state in ('created', 'retry') and start_after <= cast(${now} as bigint)
      order by priority desc, created_at, id
      limit 1 ${skipLocked})
    returning *`.execute(db.kysely);
  return result.rows[0];
}

/** Pushes a running job's expiry on; false if the job is no longer this holder's. */
export async function heartbeatJob(db: Db, id: string, holder: string, now: number): Promise<boolean> {
  const result = await db.kysely
    .updateTable('jobs')
    .set({ expires_at: sql`cast(${now} as bigint) + expire_seconds * 1000` })
    .where('id', '=', id)
    .where('holder', '=', holder)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function completeJob(db: Db, id: string, holder: string, output: string | null, now: number) {
  await db.kysely
    .updateTable('jobs')
    .set({ state: 'completed', output, completed_at: now, expires_at: null })
    .where('id', '=', id)
    .where('holder', '=', holder)
    .where('state', '=', 'active')
    .execute();
}

/** A failed attempt: back to the queue after `retryAt`, or failed for good when no retry is left. */
export async function failJob(
  db: Db,
  job: Pick<JobTable, 'id' | 'retry_count' | 'retry_limit'>,
  holder: string | null,
  output: string,
  now: number,
  retryAt: number,
): Promise<void> {
  const again = job.retry_count < job.retry_limit;
  let query = db.kysely
    .updateTable('jobs')
    .set(
      again
        ? { state: 'retry', retry_count: job.retry_count + 1, start_after: retryAt, output, holder: null }
        : { state: 'failed', output, completed_at: now, expires_at: null },
    )
    .where('id', '=', job.id)
    .where('state', '=', 'active');
  if (holder !== null) query = query.where('holder', '=', holder);
  await query.execute();
}

/** Running jobs whose holder stopped beating: its process died. */
export function expiredJobs(db: Db, now: number) {
  return db.kysely
    .selectFrom('jobs')
    .select(['id', 'retry_count', 'retry_limit', 'retry_delay', 'retry_backoff'])
    .where('state', '=', 'active')
    .where('expires_at', '<', now)
    .execute();
}

export function findJob(db: Db, queue: string, id: string) {
  return db.kysely
    .selectFrom('jobs')
    .selectAll()
    .where('queue', '=', queue)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function jobCounts(db: Db) {
  const rows = await db.kysely
    .selectFrom('jobs')
    .select(['queue', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['queue', 'state'])
    .execute();
  return rows.map((r) => ({ queue: r.queue, state: r.state as JobState, count: Number(r.n) }));
}

/** Finished jobs older than `before` go; their progress with them. */
export async function purgeFinishedJobs(db: Db, before: number): Promise<void> {
  const old = db.kysely
    .selectFrom('jobs')
    .select('id')
    .where('state', 'in', ['completed', 'failed', 'cancelled'])
    .where('completed_at', '<', before);
  await db.kysely.deleteFrom('job_progress').where('job_id', 'in', old).execute();
  await db.kysely
    .deleteFrom('jobs')
    .where('state', 'in', ['completed', 'failed', 'cancelled'])
    .where('completed_at', '<', before)
    .execute();
}

export async function saveProgress(db: Db, jobId: string, queue: string, progress: string, now: number) {
  await db.kysely
    .insertInto('job_progress')
    .values({ job_id: jobId, queue, progress, updated_at: now })
    .onConflict((oc) => oc.column('job_id').doUpdateSet({ progress, updated_at: now }))
    .execute();
}

export async function readProgress(db: Db, jobId: string): Promise<unknown> {
  const row = await db.kysely
    .selectFrom('job_progress')
    .select('progress')
    .where('job_id', '=', jobId)
    .executeTakeFirst();
  return row ? JSON.parse(row.progress) : null;
}

export async function upsertSchedule(db: Db, row: Omit<JobScheduleTable, 'last_slot'>): Promise<void> {
  const { name: _name, ...change } = row;
  await db.kysely
    .insertInto('job_schedules')
    .values({ ...row, last_slot: null })
    .onConflict((oc) => oc.column('name').doUpdateSet(change))
    .execute();
}

export async function removeSchedule(db: Db, name: string): Promise<void> {
  await db.kysely.deleteFrom('job_schedules').where('name', '=', name).execute();
}

export function listSchedules(db: Db) {
  return db.kysely.selectFrom('job_schedules').selectAll().orderBy('name').execute();
}

/** Marks a cron slot fired; false when it was already (another leader, an earlier run). */
export async function markSlotFired(db: Db, name: string, slot: number, now: number): Promise<boolean> {
  const result = await db.kysely
    .updateTable('job_schedules')
    .set({ last_slot: slot, updated_at: now })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('last_slot', 'is', null), eb('last_slot', '<', slot)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
