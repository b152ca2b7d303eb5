// The job queue on PostgreSQL through pg-boss (its own schema `pgboss` in the app's database): workers in any
// number of processes share it, a job is taken by one of them (skip-locked), and a job whose process died
// expires and is retried. Progress lives in the app's job_progress table, as for the database queue.
import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import { type Db, inTransaction } from '../db.ts';
import type { JobState } from '../db-schema.ts';
import {
  DEFAULT_RETRY,
  type JobHandler,
  type JobInfo,
  type JobQueue,
  type QueueCount,
  type QueueOptions,
  type SendOptions,
  type WorkOptions,
} from './job-queue.ts';
import { readProgress, saveProgress } from './jobs.repo.ts';

export type PgBossQueueOptions = {
  /** How often an idle worker polls; pg-boss's minimum is 0.5 s. Default 1 s. */
  pollSeconds?: number;
  /** How often expired jobs are found and retried; default 30 s. */
  maintenanceSeconds?: number;
  /** Whether this process also runs pg-boss's maintenance (expiring jobs of dead workers); default true. */
  supervise?: boolean;
  /** Connections of pg-boss's own pool; default 4. */
  connections?: number;
  onError?: (error: unknown) => void;
};

const SCHEMA = 'pgboss';
/** An arbitrary constant: the advisory lock key serialising queue creation. */
const CREATE_QUEUE_LOCK = 7_202_611_291;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss';
  private bossInstance: PgBoss | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: PgBossQueueOptions = {},
  ) {
    if (db.dialect !== 'postgres') throw new Error('pg-boss needs a PostgreSQL database');
  }

  private get boss(): PgBoss {
    if (!this.bossInstance) throw new Error('the pg-boss queue is not started');
    return this.bossInstance;
  }

  async start(): Promise<void> {
    // Loaded here, not at import: a SQLite process never needs it.
    const { default: Boss } = await import('pg-boss');
    const options = this.options;
    this.bossInstance = new Boss({
      connectionString: this.db.url,
      schema: SCHEMA,
      max: options.connections ?? 4,
      application_name: 'publica-jobs',
      // Cron is ours (scheduler.ts, one leader); pg-boss only queues.
      schedule: false,
      supervise: options.supervise ?? true,
      maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    });
    this.bossInstance.on('error', (error) => options.onError?.(error));
    await this.bossInstance.start();
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.bossInstance) return;
    await this.bossInstance.stop({ graceful: true, wait: true, timeout: options.timeoutMs ?? 30_000 });
  }

  async createQueue(name: string, options: QueueOptions = {}): Promise<void> {
    // pg-boss's create_queue makes a partition table; two processes making queues at once can deadlock in it
    // (seen with 3 workers starting together), so creation is serialised across processes by an advisory lock
    // held by a transaction of ours while pg-boss works on its own connection.
    await inTransaction(this.db, async (tx) => {
      await sql`select pg_advisory_xact_lock(${CREATE_QUEUE_LOCK})`.execute(tx.kysely);
      if (await this.boss.getQueue(name)) return;
      await this.createQueueNow(name, options);
    });
  }

  private async createQueueNow(name: string, options: QueueOptions): Promise<void> {
    await this.boss.createQueue(name, {
      name,
      // stately: at most one job per key in each of created, retry and active.
      policy: options.singleton ? 'stately' : 'standard',
      retryLimit: options.retryLimit ?? DEFAULT_RETRY.retryLimit,
      retryDelay: options.retryDelaySeconds ?? DEFAULT_RETRY.retryDelaySeconds,
      retryBackoff: options.retryBackoff ?? DEFAULT_RETRY.retryBackoff,
      expireInSeconds: options.expireSeconds ?? DEFAULT_RETRY.expireSeconds,
    });
  }

  send<T extends object>(queue: string, data: T, options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(queue, data, {
      ...(options.singletonKey !== undefined ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.priority !== undefined ? { priority: options.priority } : {}),
      ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      ...(options.retryDelaySeconds !== undefined ? { retryDelay: options.retryDelaySeconds } : {}),
      ...(options.retryBackoff !== undefined ? { retryBackoff: options.retryBackoff } : {}),
      ...(options.expireSeconds !== undefined ? { expireInSeconds: options.expireSeconds } : {}),
    });
  }

  async work<T>(queue: string, options: WorkOptions, handler: JobHandler<T>): Promise<void> {
    // pg-boss 10 runs one batch at a time per worker: concurrency is that many workers of batch size 1.
    for (let i = 0; i < (options.concurrency ?? 1); i++)
      await this.boss.work<T>(
        queue,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.options.pollSeconds ?? 1 },
        async ([job]) => {
          if (!job) return;
          return handler({
            id: job.id,
            queue: job.name,
            data: job.data,
            retryCount: job.retryCount,
            progress: (value) => saveProgress(this.db, job.id, job.name, JSON.stringify(value), Date.now()),
          });
        },
      );
  }

  async getJob(queue: string, id: string): Promise<JobInfo | null> {
    // pg-boss ids are UUIDs, and PostgreSQL refuses any other text in a uuid column: not a job, not an error.
    if (!UUID.test(id)) return null;
    const job = await this.boss.getJobById(queue, id, { includeArchive: true });
    if (!job) return null;
    return {
      id: job.id,
      queue: job.name,
      state: job.state,
      data: job.data,
      retryCount: job.retryCount,
      output: job.output ?? null,
      progress: await readProgress(this.db, job.id),
      createdAt: new Date(job.createdOn),
      completedAt: job.completedOn ? new Date(job.completedOn) : null,
    };
  }

  async counts(): Promise<QueueCount[]> {
    const result = await sql<{ name: string; state: JobState; n: number }>`
      select name, state::text as state, count(*)::int as n from ${sql.table(`${SCHEMA}.job`)}
      group by name, state`.execute(this.db.kysely);
    return result.rows.map((r) => ({ queue: r.name, state: r.state, count: Number(r.n) }));
  }
}
