// The job queue in the app's own database: the embedded default (SQLite), usable on PostgreSQL too. A job is a
// row; a worker claims it (skip-locked on PostgreSQL), beats while it runs, and completes or fails it. A job
// whose holder stops beating — the process was killed — goes back to the queue, so a restart loses nothing.
import crypto from 'node:crypto';
import type { Db } from '../db.ts';
import {
  DEFAULT_RETRY,
  type JobHandler,
  type JobInfo,
  type JobQueue,
  type QueueOptions,
  type RetryOptions,
  retryDelayMs,
  type SendOptions,
  type WorkOptions,
} from './job-queue.ts';
import {
  claimJob,
  completeJob,
  expiredJobs,
  failJob,
  findJob,
  heartbeatJob,
  insertJob,
  jobCounts,
  purgeFinishedJobs,
  readProgress,
  saveProgress,
} from './jobs.repo.ts';

export type DbQueueOptions = {
  /** How often an idle worker looks for jobs; default 500 ms (a send in this process wakes it at once). */
  pollMs?: number;
  /** Finished jobs are kept this long; default 7 days. */
  keepDays?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
};

type Worker = { queue: string; handler: JobHandler<unknown>; wake: () => void };

export class DbJobQueue implements JobQueue {
  readonly kind = 'db';
  private readonly holder = `${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  private readonly queues = new Map<string, QueueOptions>();
  private readonly workers: Worker[] = [];
  private readonly running = new Set<Promise<void>>();
  private stopping = false;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: DbQueueOptions = {},
  ) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep().catch(this.report), this.pollMs * 4);
    this.sweeper.unref();
  }

  private get pollMs() {
    return this.options.pollMs ?? 500;
  }

  private readonly report = (error: unknown) => this.options.onError?.(error);

  /** Lost jobs back to the queue (or failed), and old finished jobs out. */
  private async sweep(): Promise<void> {
    const now = this.now();
    for (const job of await expiredJobs(this.db, now)) {
      const retry = {
        ...DEFAULT_RETRY,
        retryDelaySeconds: job.retry_delay,
        retryBackoff: job.retry_backoff === 1,
      };
      await failJob(
        this.db,
        job,
        null,
        JSON.stringify({ message: 'the process running the job stopped (heartbeat expired)' }),
        now,
        now + retryDelayMs(retry, job.retry_count),
      );
    }
    await purgeFinishedJobs(this.db, now - (this.options.keepDays ?? 7) * 86_400_000);
    for (const w of this.workers) w.wake();
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweeper);
    for (const w of this.workers) w.wake();
    const timeout = new Promise((r) => setTimeout(r, options.timeoutMs ?? 30_000).unref());
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
  }

  async createQueue(name: string, options: QueueOptions = {}): Promise<void> {
    this.queues.set(name, options);
  }

  private retryOf(queue: string, options: RetryOptions = {}): Required<RetryOptions> {
    const q = this.queues.get(queue) ?? {};
    const pick = <K extends keyof RetryOptions>(k: K) => options[k] ?? q[k] ?? DEFAULT_RETRY[k];
    return {
      retryLimit: pick('retryLimit'),
      retryDelaySeconds: pick('retryDelaySeconds'),
      retryBackoff: pick('retryBackoff'),
      expireSeconds: pick('expireSeconds'),
    };
  }

  async send<T extends object>(queue: string, data: T, options: SendOptions = {}): Promise<string | null> {
    const q = this.queues.get(queue);
    if (!q) throw new Error(`job queue "${queue}" was not created`);
    const retry = this.retryOf(queue, options);
    const id = crypto.randomUUID();
    const now = this.now();
    const inserted = await insertJob(this.db, {
      id,
      queue,
      state: 'created',
      data: JSON.stringify(data),
      singleton_key: q.singleton ? (options.singletonKey ?? '') : null,
      priority: options.priority ?? 0,
      retry_limit: retry.retryLimit,
      retry_count: 0,
      retry_delay: retry.retryDelaySeconds,
      retry_backoff: retry.retryBackoff ? 1 : 0,
      expire_seconds: retry.expireSeconds,
      created_at: now,
      start_after: options.startAfter?.getTime() ?? now,
    });
    if (!inserted) return null;
    for (const w of this.workers) if (w.queue === queue) w.wake();
    return id;
  }

  async work<T>(queue: string, options: WorkOptions, handler: JobHandler<T>): Promise<void> {
    for (let i = 0; i < (options.concurrency ?? 1); i++) {
      let wake = () => {};
      const worker: Worker = { queue, handler: handler as JobHandler<unknown>, wake: () => wake() };
      this.workers.push(worker);
      const loop = (async () => {
        while (!this.stopping) {
          const ran = await this.runOne(worker).catch((error) => {
            this.report(error);
            return false;
          });
          if (ran || this.stopping) continue;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, this.pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      })();
      this.running.add(loop);
      void loop.finally(() => this.running.delete(loop));
    }
  }

  /** Claims and runs one job; false when none was due. */
  private async runOne(worker: Worker): Promise<boolean> {
    const row = await claimJob(this.db, worker.queue, this.holder, this.now());
    if (!row) return false;
    const beat = setInterval(
      () => void heartbeatJob(this.db, row.id, this.holder, this.now()).catch(this.report),
      Math.max(50, (row.expire_seconds * 1000) / 3),
    );
    try {
      const output = await worker.handler({
        id: row.id,
        queue: row.queue,
        data: JSON.parse(row.data),
        retryCount: row.retry_count,
        progress: (value) => saveProgress(this.db, row.id, row.queue, JSON.stringify(value), this.now()),
      });
      clearInterval(beat);
      await completeJob(
        this.db,
        row.id,
        this.holder,
        output === undefined ? null : JSON.stringify(output),
        this.now(),
      );
    } catch (error) {
      clearInterval(beat);
      const retry = {
        ...DEFAULT_RETRY,
        retryDelaySeconds: row.retry_delay,
        retryBackoff: row.retry_backoff === 1,
      };
      const now = this.now();
      await failJob(
        this.db,
        row,
        this.holder,
        JSON.stringify({ message: (error as Error)?.message ?? String(error) }),
        now,
        now + retryDelayMs(retry, row.retry_count),
      );
    }
    return true;
  }

  async getJob(queue: string, id: string): Promise<JobInfo | null> {
    const row = await findJob(this.db, queue, id);
    if (!row) return null;
    return {
      id: row.id,
      queue: row.queue,
      state: row.state,
      data: JSON.parse(row.data),
      retryCount: row.retry_count,
      output: row.output === null ? null : JSON.parse(row.output),
      progress: await readProgress(this.db, row.id),
      createdAt: new Date(Number(row.created_at)),
      completedAt: row.completed_at === null ? null : new Date(Number(row.completed_at)),
    };
  }

  counts() {
    return jobCounts(this.db);
  }
}
