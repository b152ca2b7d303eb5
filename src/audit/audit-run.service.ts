// Runs an audit: every page (or a region's) judged by one methodology version over one period, from stored
// snapshots only. Results are written batch by batch, each batch one transaction; the run is "done" only when
// all are in, so readers never see a partial run, and a killed run is marked failed on the next start.
import os from 'node:os';
import type { MethodologyVersion } from '../methodology/index.ts';
import { unixSeconds } from '../platform/clock.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { projectFile } from '../platform/paths.ts';
import { runInThread } from '../platform/threads.ts';
import { type AuditTarget, listAuditTargets } from '../registry/index.ts';
import type { WorkerInput, WorkerResult } from './audit.worker.ts';
import { auditTargets, type BatchTotals, mergeTotals } from './audit-batch.ts';
import {
  failInterruptedRuns,
  findRecordedVersion,
  insertPeerStats,
  insertRuleStats,
  recordVersion,
  startAuditRun,
  updateAuditRun,
} from './audit-run.repo.ts';
import { writeUnitRollups } from './unit-rollups.repo.ts';

export type AuditOptions = {
  version: MethodologyVersion;
  period: { start: number; end: number };
  regionCode?: string;
  batchSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
  /** Worker threads; by default 2 for large runs on a file or server database, else 1 (in-process). */
  workers?: number;
};

export type AuditSummary = {
  runId: number;
  version: string;
  hash: string;
  period: { start: number; end: number };
  pages: number;
  levels: Record<string, number>;
  meanTotal: number;
  errors: number;
  ms: number;
};

/** A published version may not change under the same id: its hash is fixed by the first audit that used it. */
export async function ensureVersionRecorded(db: Db, version: MethodologyVersion, at: number): Promise<void> {
  const known = await findRecordedVersion(db, version.id);
  const published = known.find((k) => k.status === 'published');
  if (version.status === 'published' && published && published.hash !== version.hash)
    throw new AppError(
      'CONFLICT',
      `methodology ${version.id} is published and its content changed (hash ${published.hash.slice(0, 12)} → ${version.hash.slice(0, 12)}); publish the change under a new version id`,
    );
  const { dir: _dir, ...content } = version;
  await recordVersion(db, {
    id: version.id,
    hash: version.hash,
    status: version.status,
    content: JSON.stringify(content),
    at,
  });
}

export async function runAudit(db: Db, options: AuditOptions): Promise<AuditSummary> {
  const started = performance.now();
  const at = unixSeconds(options.now ?? new Date());
  const { version } = options;
  await ensureVersionRecorded(db, version, at);
  await failInterruptedRuns(db, at);
  const targets = await listAuditTargets(db, { regionCode: options.regionCode });
  const runId = await startAuditRun(db, {
    version: version.id,
    hash: version.hash,
    start: options.period.start,
    end: options.period.end,
    scope: options.regionCode ? `region:${options.regionCode}` : 'all',
    pagesTotal: targets.length,
    at,
  });
  try {
    const batchSize = options.batchSize ?? 500;
    const threads = threadCount(db, targets.length, options.workers);
    const totals =
      threads > 1
        ? await auditInThreads(db, options, runId, targets, batchSize, threads)
        : await auditTargets(db, version, targets, options.period, runId, batchSize, async (t) => {
            await updateAuditRun(db, runId, { pagesDone: t.pages });
            options.onProgress?.(t.pages, targets.length);
          });
    await inTransaction(db, async (tx) => {
      await insertPeerStats(tx, totals.peers.rows(runId));
      await insertRuleStats(tx, totals.stats.rows(runId));
      await writeUnitRollups(tx, runId);
    });
    const summary: AuditSummary = {
      runId,
      version: version.id,
      hash: version.hash,
      period: options.period,
      pages: totals.pages,
      levels: totals.levels,
      meanTotal: totals.pages ? Math.round((totals.totalSum / totals.pages) * 10) / 10 : 0,
      errors: totals.errors,
      ms: Math.round(performance.now() - started),
    };
    await updateAuditRun(db, runId, {
      status: 'done',
      pagesDone: totals.pages,
      finishedAt: unixSeconds(new Date()),
      stats: {
        levels: summary.levels,
        meanTotal: summary.meanTotal,
        errors: summary.errors,
        ms: summary.ms,
        threads,
      },
    });
    return summary;
  } catch (error) {
    await updateAuditRun(db, runId, {
      status: 'failed',
      finishedAt: unixSeconds(new Date()),
      stats: { error: (error as Error).message },
    });
    throw error;
  }
}

/** Threads help past a few thousand pages; an in-memory database cannot be shared with them. */
function threadCount(db: Db, pages: number, asked?: number): number {
  if (db.url === ':memory:' || db.url === 'sqlite::memory:') return 1;
  if (asked !== undefined) return Math.max(1, asked);
  return pages >= 5000 ? Math.min(2, os.availableParallelism()) : 1;
}

/** Splits the pages into contiguous shares, one per thread; merges what the threads hand back. */
async function auditInThreads(
  db: Db,
  options: AuditOptions,
  runId: number,
  targets: AuditTarget[],
  batchSize: number,
  threads: number,
): Promise<BatchTotals> {
  const share = Math.ceil(targets.length / threads);
  const done = new Array<number>(threads).fill(0);
  // Progress writes go one after another, and all are in before the run closes.
  let progress = Promise.resolve();
  const results = await Promise.all(
    Array.from({ length: threads }, (_, i) => {
      const input: WorkerInput = {
        dbUrl: db.url,
        version: options.version,
        bounds: options.period,
        runId,
        batchSize,
        targets: targets.slice(i * share, (i + 1) * share),
      };
      return runInThread<WorkerResult>(WORKER, input, (pages) => {
        done[i] = pages;
        const total = done.reduce((s, n) => s + n, 0);
        options.onProgress?.(total, targets.length);
        progress = progress.then(() => updateAuditRun(db, runId, { pagesDone: total }));
      });
    }),
  );
  await progress;
  return mergeTotals(results);
}

const WORKER = projectFile('src/audit/audit.worker.ts');
