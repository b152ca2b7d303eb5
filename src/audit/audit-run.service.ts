// Runs an audit: every page (or a region's) judged by one methodology version over one period, from stored
// snapshots only. Results are written batch by batch, each batch one transaction; the run is "done" only when
// all are in, so readers never see a partial run, and a killed run is marked failed on the next start.
import type { Insertable } from 'kysely';
import type { MethodologyVersion, Period } from '../methodology/index.ts';
import { unixSeconds } from '../platform/clock.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import type { AuditRuleResultTable } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';
import { type AuditTarget, listAuditTargets } from '../registry/index.ts';
import { loadArtifacts } from './artifacts.ts';
import {
  failInterruptedRuns,
  findRecordedVersion,
  insertPageResults,
  insertPeerStats,
  insertRuleResults,
  recordVersion,
  startAuditRun,
  updateAuditRun,
} from './audit-run.repo.ts';
import { evaluatePage, holidaysIn, type PageAudit } from './evaluate.ts';
import { PeerCollector } from './peer-stats.ts';

export type AuditOptions = {
  version: MethodologyVersion;
  period: { start: number; end: number };
  regionCode?: string;
  batchSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
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
  const summary: AuditSummary = {
    runId,
    version: version.id,
    hash: version.hash,
    period: options.period,
    pages: 0,
    levels: {},
    meanTotal: 0,
    errors: 0,
    ms: 0,
  };
  const peers = new PeerCollector();
  let totalSum = 0;
  try {
    const size = options.batchSize ?? 500;
    for (let i = 0; i < targets.length; i += size) {
      const batch = targets.slice(i, i + size);
      const audits = await auditBatch(db, version, batch, options.period);
      await inTransaction(db, (tx) => writeBatch(tx, runId, batch, audits));
      for (const [k, audit] of audits.entries()) {
        const target = batch[k] as AuditTarget;
        summary.levels[audit.score.level] = (summary.levels[audit.score.level] ?? 0) + 1;
        totalSum += audit.score.total;
        summary.errors += audit.rules.filter((r) => r.status === 'error').length;
        for (const r of audit.rules)
          if (r.value !== null) peers.add(target.region_code ?? '-', target.kind ?? '-', r.id, r.value);
      }
      summary.pages += audits.length;
      await updateAuditRun(db, runId, { pagesDone: summary.pages });
      options.onProgress?.(summary.pages, targets.length);
    }
    await inTransaction(db, (tx) => insertPeerStats(tx, peers.rows(runId)));
    summary.meanTotal = summary.pages ? Math.round((totalSum / summary.pages) * 10) / 10 : 0;
    summary.ms = Math.round(performance.now() - started);
    await updateAuditRun(db, runId, {
      status: 'done',
      finishedAt: unixSeconds(new Date()),
      stats: { levels: summary.levels, meanTotal: summary.meanTotal, errors: summary.errors, ms: summary.ms },
    });
  } catch (error) {
    await updateAuditRun(db, runId, {
      status: 'failed',
      finishedAt: unixSeconds(new Date()),
      stats: { error: (error as Error).message },
    });
    throw error;
  }
  return summary;
}

async function auditBatch(
  db: Db,
  version: MethodologyVersion,
  batch: AuditTarget[],
  bounds: { start: number; end: number },
) {
  const artifacts = await loadArtifacts(db, batch, { ...bounds, timezone: 'Europe/Moscow' });
  return artifacts.map((a, k) => {
    const period: Period = { ...bounds, timezone: batch[k]?.timezone ?? 'Europe/Moscow' };
    return evaluatePage(version, a, { period, holidays: holidaysIn(version, period) });
  });
}

async function writeBatch(db: Db, runId: number, batch: AuditTarget[], audits: PageAudit[]): Promise<void> {
  const ruleRows: Insertable<AuditRuleResultTable>[] = [];
  const pageRows = audits.map((audit, k) => {
    const target = batch[k] as AuditTarget;
    const details: Record<string, { evidence: unknown; vars: unknown; error?: string }> = {};
    for (const r of audit.rules) {
      ruleRows.push({
        run_id: runId,
        page_id: audit.pageId,
        rule_id: r.id,
        status: r.status,
        value: r.value,
        score: r.score,
      });
      if (r.status !== 'pass' || r.evidence.length > 0)
        details[r.id] = { evidence: r.evidence, vars: r.vars, ...(r.error ? { error: r.error } : {}) };
    }
    return {
      run_id: runId,
      page_id: audit.pageId,
      institution_id: target.institution_id,
      region_code: target.region_code,
      municipality_id: target.municipality_id,
      kind: target.kind,
      total: audit.score.total,
      level: audit.score.level,
      categories_json: JSON.stringify(audit.score.categories),
      critical_failed: audit.score.criticalFailed.join(','),
      details_json: JSON.stringify(details),
    };
  });
  await insertPageResults(db, pageRows);
  await insertRuleResults(db, ruleRows);
}
