// The job queue every background task goes through: collection, audit, publishing, reports. Two
// implementations keep one contract (jobs.contract.test.ts): the database queue (the embedded default, in the
// app's own database) and pg-boss on PostgreSQL. Cron schedules sit on top of either (scheduler.ts).
import type { JobState } from '../db-schema.ts';

export type { JobState };

export type RetryOptions = {
  /** Attempts after the first; default 2. */
  retryLimit?: number;
  /** Seconds before a retry; default 5. */
  retryDelaySeconds?: number;
  /** Doubles the delay on every retry (with jitter); default true. */
  retryBackoff?: boolean;
  /**
   * Seconds a running job may go without finishing (pg-boss) or without a heartbeat (database queue) before it
   * is taken as lost — its process died — and retried; default 15 minutes.
   */
  expireSeconds?: number;
};

export type QueueOptions = RetryOptions & {
  /** At most one waiting job per singletonKey (keyless jobs share one key): e.g. one collection at a time. */
  singleton?: boolean;
};

export type SendOptions = RetryOptions & {
  singletonKey?: string;
  /** Not before this time. */
  startAfter?: Date;
  /** Higher first. */
  priority?: number;
};

export type Job<T> = {
  id: string;
  queue: string;
  data: T;
  /** How many times it failed before this attempt. */
  retryCount: number;
  /** Records how far the job got (any JSON); readable through getJob by any process. */
  progress(value: unknown): Promise<void>;
};

export type JobHandler<T> = (job: Job<T>) => Promise<unknown>;

export type JobInfo = {
  id: string;
  queue: string;
  state: JobState;
  data: unknown;
  retryCount: number;
  output: unknown;
  progress: unknown;
  createdAt: Date;
  completedAt: Date | null;
};

export type WorkOptions = {
  /** Jobs of this queue run at the same time in this process; default 1. */
  concurrency?: number;
};

export type QueueCount = { queue: string; state: JobState; count: number };

export interface JobQueue {
  readonly kind: 'db' | 'pg-boss';
  start(): Promise<void>;
  /** Takes no new jobs, waits for running ones (up to timeoutMs), then closes. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  createQueue(name: string, options?: QueueOptions): Promise<void>;
  /** The new job's id, or null when a singleton queue already has a job waiting with that key. */
  send<T extends object>(queue: string, data: T, options?: SendOptions): Promise<string | null>;
  work<T>(queue: string, options: WorkOptions, handler: JobHandler<T>): Promise<void>;
  getJob(queue: string, id: string): Promise<JobInfo | null>;
  /** Jobs by queue and state, for /metrics and `publica jobs`. */
  counts(): Promise<QueueCount[]>;
}

export const DEFAULT_RETRY = {
  retryLimit: 2,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireSeconds: 15 * 60,
} satisfies Required<RetryOptions>;

/** Delay before retry number `retryCount + 1`: pg-boss's formula, so both queues behave alike. */
export function retryDelayMs(options: Required<RetryOptions>, retryCount: number): number {
  const base = options.retryDelaySeconds * 1000;
  if (!options.retryBackoff) return base;
  const grown = base * 2 ** Math.min(16, retryCount + 1);
  return grown / 2 + (grown / 2) * Math.random();
}

/** What a feature hands the worker role: a queue, its options, how many at once per process, the handler. */
export type JobDefinition = {
  queue: string;
  options?: QueueOptions;
  concurrency?: number;
  // biome-ignore lint/suspicious/noExplicitAny: each definition types its own data; the registry does not.
  handler: JobHandler<any>;
};

/** Work to enqueue when a job's whole run is done (a collection's audit). */
export type FollowUp = { queue: string; data: object };
