// An audit as jobs, for several worker processes: `audit.run` splits the pages into shards of whole
// municipalities and enqueues one `audit.shard` job each; a shard job judges its pages (after clearing what a
// failed attempt left) and stores its totals with the shard; the last shard merges them into the run's peer
// and status statistics and closes the run. Each page is judged alone, so the results equal a one-process run.
import { loadVersion, type MethodologyVersion } from '../methodology/index.ts';
import { unixSeconds } from '../platform/clock.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import type { Job, JobDefinition, JobQueue } from '../platform/jobs/index.ts';
import {
  doneShardStats,
  finishShard,
  pendingShards,
  readShard,
  runOfPlanningJob,
} from '../platform/run-shards.ts';
import { type AuditTarget, listAuditTargets } from '../registry/index.ts';
import { auditTargets, mergeTotals, type SerialTotals, serialTotals } from './audit-batch.ts';
import {
  closeRunningAuditRun,
  deletePageResults,
  getAuditRun,
  insertPeerStats,
  insertRuleStats,
  startAuditRun,
  updateAuditRun,
} from './audit-run.repo.ts';
import { ensureVersionRecorded } from './audit-run.service.ts';
import { parsePeriod } from './period.ts';
import { writeUnitRollups } from './unit-rollups.repo.ts';

export const AUDIT_RUN = 'audit.run';
export const AUDIT_SHARD = 'audit.shard';

export type AuditJobsConfig = {
  /** Pages per shard, in whole municipalities; default 500. */
  shardPages?: number;
  concurrency?: number;
  /** The methodology a worker judges by, from its id; default: the versions shipped in methodology/. */
  load?: (id: string) => MethodologyVersion;
  /** Reads versions published since this process started (the workshop's), before a job loads one. */
  refresh?: () => Promise<unknown>;
};

export type AuditRunData = {
  /** Methodology version id; default 2023.1. */
  methodology?: string;
  /** "30d" or "YYYY-MM-DD..YYYY-MM-DD"; default the version's period ending today (or `at`). */
  period?: string;
  at?: string;
  regionCode?: string;
};

type ShardData = { runId: number; shard: number };

export function auditJobs(db: Db, queue: JobQueue, config: AuditJobsConfig = {}): JobDefinition[] {
  const load = config.load ?? loadVersion;
  return [
    {
      queue: AUDIT_RUN,
      options: { singleton: true, retryLimit: 3, retryDelaySeconds: 10, expireSeconds: 600 },
      handler: async (job: Job<AuditRunData>) => {
        await config.refresh?.();
        return planAudit(db, queue, job, load, config.shardPages ?? 500);
      },
    },
    {
      queue: AUDIT_SHARD,
      options: { retryLimit: 5, retryDelaySeconds: 5, expireSeconds: 900 },
      concurrency: config.concurrency ?? 1,
      handler: async (job: Job<ShardData>) => {
        await config.refresh?.();
        return auditShard(db, job, load);
      },
    },
  ];
}

/** Shares of about `size` pages, a municipality never split, in a stable order. */
export function shardByMunicipality(targets: AuditTarget[], size: number): number[][] {
  const byUnit = new Map<string, number[]>();
  for (const t of targets) {
    const key = `${t.region_code ?? '-'}|${t.municipality_id ?? 0}`;
    const list = byUnit.get(key);
    if (list) list.push(t.id);
    else byUnit.set(key, [t.id]);
  }
  const shards: number[][] = [];
  let current: number[] = [];
  for (const key of [...byUnit.keys()].sort()) {
    current.push(...(byUnit.get(key) ?? []));
    if (current.length >= size) {
      shards.push(current);
      current = [];
    }
  }
  if (current.length > 0) shards.push(current);
  return shards;
}

async function planAudit(
  db: Db,
  queue: JobQueue,
  job: Job<AuditRunData>,
  load: (id: string) => MethodologyVersion,
  size: number,
) {
  const { runId, pending } = await runOfPlanningJob(db, job, 'audit_shards', async () => {
    const version = load(job.data.methodology ?? '2023.1');
    const period = parsePeriod(job.data.period, version.defaultPeriodDays, job.data.at);
    const at = unixSeconds(new Date());
    await ensureVersionRecorded(db, version, at);
    const targets = await listAuditTargets(db, { regionCode: job.data.regionCode });
    return {
      shards: shardByMunicipality(targets, size),
      startRun: (tx) =>
        startAuditRun(tx, {
          version: version.id,
          hash: version.hash,
          start: period.start,
          end: period.end,
          scope: job.data.regionCode ? `region:${job.data.regionCode}` : 'all',
          pagesTotal: targets.length,
          at,
        }),
    };
  });
  if (pending.length === 0) await closeRun(db, runId);
  for (const shard of pending) await queue.send(AUDIT_SHARD, { runId, shard });
  return { runId, shards: pending.length };
}

async function auditShard(db: Db, job: Job<ShardData>, load: (id: string) => MethodologyVersion) {
  const { runId, shard: shardNo } = job.data;
  const shard = await readShard(db, 'audit_shards', runId, shardNo);
  const run = await getAuditRun(db, runId);
  if (!shard || !run || run.status !== 'running') return { skipped: true };
  if (shard.status === 'done') {
    // The attempt that did this shard may have died while closing the run: a retry closes it.
    if ((await pendingShards(db, 'audit_shards', runId)).length === 0) await closeRun(db, runId);
    return { skipped: true };
  }
  const version = load(run.methodology_version);
  if (version.hash !== run.methodology_hash)
    throw new Error(
      `this worker's methodology ${version.id} differs from the run's (hash ${version.hash.slice(0, 12)} vs ${run.methodology_hash.slice(0, 12)}): deploy the same version to every worker`,
    );
  const targets = await listAuditTargets(db, { pageIds: shard.pageIds });
  await deletePageResults(db, runId, shard.pageIds);
  const totals = await auditTargets(
    db,
    version,
    targets,
    { start: run.period_start, end: run.period_end },
    runId,
    500,
    (t) => job.progress({ pages: t.pages, of: targets.length }),
  );
  const { last } = await finishShard(
    db,
    'audit_shards',
    runId,
    shardNo,
    serialTotals(totals, runId),
    Date.now(),
  );
  if (last) await closeRun(db, runId);
  return { pages: totals.pages };
}

/** Merges the shards' totals into the run's statistics and closes it, all in one transaction. */
async function closeRun(db: Db, runId: number) {
  const totals = mergeTotals(await doneShardStats<SerialTotals>(db, 'audit_shards', runId));
  const run = await getAuditRun(db, runId);
  const stats = {
    levels: totals.levels,
    meanTotal: totals.pages ? Math.round((totals.totalSum / totals.pages) * 10) / 10 : 0,
    errors: totals.errors,
    ms: run ? (unixSeconds(new Date()) - run.started_at) * 1000 : 0,
    distributed: true,
  };
  await inTransaction(db, async (tx) => {
    if (!(await closeRunningAuditRun(tx, runId, unixSeconds(new Date()), stats))) return;
    await updateAuditRun(tx, runId, { pagesDone: totals.pages });
    await insertPeerStats(tx, totals.peers.rows(runId));
    await insertRuleStats(tx, totals.stats.rows(runId));
    await writeUnitRollups(tx, runId);
  });
}
