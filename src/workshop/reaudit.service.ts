// Re-auditing under a published workshop version, as a background job: the request checks the version and the
// period, then enqueues the audit queue's `audit.run` job (its shards resume after a crash and redo nothing
// done), and answers at once. The same re-audit asked again while one waits or runs is not started twice. Its progress
// (queued, running with pages judged of all, done with its run, failed) is read from the job and its run.
import {
  AUDIT_RUN,
  type AuditRunData,
  countPageResults,
  findRunningRun,
  getAuditRun,
  parsePeriod,
} from '../audit/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { type JobQueue, readJobProgress } from '../platform/jobs/index.ts';
import { anyVersion } from './workshop.service.ts';

export type ReauditState = 'queued' | 'running' | 'done' | 'failed';

export type ReauditStatus = {
  jobId: string;
  version: string;
  state: ReauditState;
  runId: number | null;
  pagesDone: number;
  pagesTotal: number;
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Enqueues the re-audit and returns its job id; `queued: false` when the same re-audit (version, period, region)
 * already waits (its job does it) or runs (`runId` names the run). The period is fixed now (its last day is
 * today's unless named).
 */
export async function enqueueReaudit(
  db: Db,
  queue: JobQueue,
  id: string,
  options: { period?: string | undefined; regionCode?: string | undefined; now: Date },
): Promise<{
  jobId: string | null;
  queued: boolean;
  runId: number | null;
  version: string;
  period: { start: number; end: number };
}> {
  const version = await anyVersion(db, id);
  if (version.status !== 'published')
    throw new AppError('CONFLICT', `methodology ${id} is a draft: publish it before pages are judged by it`);
  const at = isoDay(options.now);
  // Checks the period (a bad one is refused here, naming it) and fixes the days the job will judge.
  const period = parsePeriod(options.period, version.defaultPeriodDays, at);
  const data: AuditRunData = {
    methodology: id,
    at,
    ...(options.period ? { period: options.period } : {}),
    ...(options.regionCode ? { regionCode: options.regionCode } : {}),
  };
  const scope = options.regionCode ? `region:${options.regionCode}` : 'all';
  const running = await findRunningRun(db, { version: id, ...period, scope });
  if (running) return { jobId: null, queued: false, runId: running.id, version: id, period };
  const key = `workshop|${id}|${period.start}|${period.end}|${scope}`;
  const jobId = await queue.send(AUDIT_RUN, data, { singletonKey: key });
  return { jobId, queued: jobId !== null, runId: null, version: id, period };
}

/** Where a re-audit's job stands: its run once planned, with the pages judged so far. */
export async function reauditStatus(db: Db, queue: JobQueue, jobId: string): Promise<ReauditStatus> {
  const job = await queue.getJob(AUDIT_RUN, jobId);
  if (!job) throw new AppError('NOT_FOUND', `no re-audit job ${jobId}`);
  const data = (job.data ?? {}) as AuditRunData;
  const version = data.methodology ?? '2023.1';
  const planned = (await readJobProgress(db, jobId)) as { runId?: number } | null;
  const run = planned?.runId ? await getAuditRun(db, planned.runId) : undefined;
  if (!run) {
    const state: ReauditState =
      job.state === 'failed' || job.state === 'cancelled'
        ? 'failed'
        : job.state === 'active'
          ? 'running'
          : 'queued';
    return { jobId, version, state, runId: null, pagesDone: 0, pagesTotal: 0 };
  }
  const state: ReauditState = run.status === 'done' ? 'done' : run.status === 'failed' ? 'failed' : 'running';
  return {
    jobId,
    version,
    state,
    runId: run.id,
    pagesDone: state === 'done' ? run.pages_done : await countPageResults(db, run.id),
    pagesTotal: run.pages_total,
  };
}
