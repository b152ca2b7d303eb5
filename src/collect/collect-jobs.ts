// A collection as jobs, for several worker processes: `collect.run` splits the pages into shards and enqueues
// one `collect.shard` job each; a shard job leases a VK token, collects its pages (skipping those already done
// by an earlier attempt of the same run) and marks the shard done; the last shard closes the run and enqueues
// the follow-up (the audit). A worker killed mid-shard loses its job and its token lease; both expire, and
// another worker continues the shard with the pages still left. Writes are upserts, so nothing is stored twice.
import { unixSeconds } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { FollowUp, Job, JobDefinition, JobQueue } from '../platform/jobs/index.ts';
import {
  doneShardStats,
  finishShard,
  pendingShards,
  readShard,
  runOfPlanningJob,
} from '../platform/run-shards.ts';
import {
  leaseTokens,
  loadUsage,
  type PoolTokenSpec,
  saveUsage,
  TokenPool,
  uniqueTokens,
} from '../vk/index.ts';
import { collectTargetsOf, listCollectTargets } from './collect.repo.ts';
import { type CollectReport, collectPages, emptyReport, finish } from './collect.service.ts';
import { getCollectionRun, startCollectionRun, updateCollectionRun } from './run.repo.ts';

export const COLLECT_RUN = 'collect.run';
export const COLLECT_SHARD = 'collect.shard';

export type CollectJobsConfig = {
  baseUrl: string;
  tokens: PoolTokenSpec[];
  /** Tokens stored in the database, read again for each shard; joined to `tokens`. */
  storedTokens?: () => Promise<PoolTokenSpec[]>;
  /** Pages per shard job; default 200. */
  shardPages?: number;
  /** VK tokens a shard job leases; default 1 (more workers, more tokens in use). */
  tokensPerJob?: number;
  leaseTtlMs?: number;
  /** How long a shard job waits for a free token before it fails and is retried later; default 60 s. */
  leaseWaitMs?: number;
  /** Shard jobs at once per worker process; default 1. */
  concurrency?: number;
  /** Seconds a shard job may run before it counts as lost (its process died); default 10 min. */
  shardExpireSeconds?: number;
  onShard?: (report: CollectReport) => void;
};

export type CollectRunData = { windowDays?: number; followUp?: FollowUp };
type ShardData = { runId: number; shard: number; windowDays?: number; followUp?: FollowUp };

export function collectJobs(db: Db, queue: JobQueue, config: CollectJobsConfig): JobDefinition[] {
  return [
    {
      queue: COLLECT_RUN,
      options: { singleton: true, retryLimit: 3, retryDelaySeconds: 10, expireSeconds: 600 },
      handler: (job: Job<CollectRunData>) => planCollection(db, queue, job, config),
    },
    {
      queue: COLLECT_SHARD,
      options: {
        retryLimit: 10,
        retryDelaySeconds: 5,
        expireSeconds: config.shardExpireSeconds ?? 600,
      },
      concurrency: config.concurrency ?? 1,
      handler: (job: Job<ShardData>) => collectShard(db, queue, job, config),
    },
  ];
}

/** Creates the run and its shards once (a retried job finds its run in its progress), then enqueues them. */
async function planCollection(db: Db, queue: JobQueue, job: Job<CollectRunData>, config: CollectJobsConfig) {
  const { runId, pending } = await runOfPlanningJob(db, job, 'collection_shards', async () => {
    const targets = await listCollectTargets(db);
    const size = config.shardPages ?? 200;
    const shards: number[][] = [];
    for (let i = 0; i < targets.length; i += size) shards.push(targets.slice(i, i + size).map((t) => t.id));
    return {
      shards,
      startRun: (tx) => startCollectionRun(tx, 'vk-jobs', targets.length, unixSeconds(new Date())),
    };
  });
  if (pending.length === 0) await closeRun(db, queue, runId, job.data.followUp);
  for (const shard of pending)
    await queue.send(COLLECT_SHARD, {
      runId,
      shard,
      ...(job.data.windowDays ? { windowDays: job.data.windowDays } : {}),
      ...(job.data.followUp ? { followUp: job.data.followUp } : {}),
    });
  return { runId, shards: pending.length };
}

async function collectShard(db: Db, queue: JobQueue, job: Job<ShardData>, config: CollectJobsConfig) {
  const { runId, shard: shardNo } = job.data;
  const shard = await readShard(db, 'collection_shards', runId, shardNo);
  const run = await getCollectionRun(db, runId);
  if (!shard || !run || run.status !== 'running') return { skipped: true };
  if (shard.status === 'done') {
    // The attempt that did this shard may have died while closing the run: a retry closes it.
    if ((await pendingShards(db, 'collection_shards', runId)).length === 0)
      await closeRun(db, queue, runId, job.data.followUp);
    return { skipped: true };
  }
  const specs = uniqueTokens([...config.tokens, ...((await config.storedTokens?.()) ?? [])]);
  const lease = await leaseTokens(db, specs, {
    count: config.tokensPerJob ?? 1,
    waitMs: config.leaseWaitMs ?? 60_000,
    ...(config.leaseTtlMs ? { ttlMs: config.leaseTtlMs } : {}),
  });
  if (!lease)
    throw new Error('no VK token is free (all leased by other workers); the shard waits for a retry');
  const started = performance.now();
  try {
    const at = unixSeconds(new Date());
    const day = Math.floor(at / 86_400);
    const pool = new TokenPool(lease.specs, {
      baseUrl: config.baseUrl,
      usage: await loadUsage(db, day, lease.keys),
      guard: lease.check,
    });
    const targets = await collectTargetsOf(db, shard.pageIds, run.started_at);
    const report = emptyReport(runId, pool.ceiling);
    await collectPages(
      db,
      pool,
      targets,
      { at, windowDays: job.data.windowDays, parallel: lease.specs.length * 2 },
      report,
      async () => {
        await saveUsage(db, day, pool.usage);
        await job.progress({ pages: report.pages, of: targets.length });
      },
    ).finally(() => saveUsage(db, day, pool.usage));
    finish(report, pool, started);
    config.onShard?.(report);
    const { last } = await finishShard(db, 'collection_shards', runId, shardNo, report, Date.now());
    if (last) await closeRun(db, queue, runId, job.data.followUp);
    return report;
  } finally {
    await lease.release();
  }
}

/** The run's totals from its shards; then the follow-up work. */
async function closeRun(db: Db, queue: JobQueue, runId: number, followUp?: FollowUp) {
  const shards = await doneShardStats<CollectReport>(db, 'collection_shards', runId);
  const sum = (pick: (r: CollectReport) => number) => shards.reduce((s, r) => s + pick(r), 0);
  const errors: Record<string, number> = {};
  for (const r of shards)
    for (const [kind, n] of Object.entries(r.errors ?? {})) errors[kind] = (errors[kind] ?? 0) + n;
  await updateCollectionRun(db, runId, {
    status: 'done',
    finishedAt: unixSeconds(new Date()),
    stats: {
      shards: shards.length,
      pages: sum((r) => r.pages),
      inaccessible: sum((r) => r.inaccessible),
      posts: sum((r) => r.posts),
      comments: sum((r) => r.comments),
      requests: sum((r) => r.requests),
      errors,
    },
  });
  if (followUp) await queue.send(followUp.queue, { ...followUp.data, afterCollection: runId });
}
