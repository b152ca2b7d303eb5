// The work of an audit over a list of pages: load artifacts batch by batch, evaluate, write each batch in one
// transaction, and gather what the run needs at the end (levels, peer values, status counts). Used in-process
// and by each worker thread of a parallel run.

import type { Insertable } from 'kysely';
import type { MethodologyVersion, Period } from '../methodology/index.ts';
import { crashPoint } from '../platform/crash-points.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import type { AuditRuleResultTable, AuditRuleStatTable } from '../platform/db-schema.ts';
import type { AuditTarget } from '../registry/index.ts';
import { loadArtifacts } from './artifacts.ts';
import { insertPageResults, insertRuleResults } from './audit-run.repo.ts';
import { evaluatePage, holidaysIn, type PageAudit } from './evaluate.ts';
import { readLiveDates, readPageFacts } from './page-facts.repo.ts';
import { PeerCollector } from './peer-stats.ts';

export type Bounds = { start: number; end: number };

export type BatchTotals = {
  pages: number;
  levels: Record<string, number>;
  totalSum: number;
  errors: number;
  peers: PeerCollector;
  stats: RuleStats;
};

export function emptyTotals(): BatchTotals {
  return { pages: 0, levels: {}, totalSum: 0, errors: 0, peers: new PeerCollector(), stats: new RuleStats() };
}

/** Totals in a form that crosses threads and is stored with a shard. */
export type SerialTotals = {
  pages: number;
  levels: Record<string, number>;
  totalSum: number;
  errors: number;
  peers: [string, number[]][];
  stats: ReturnType<RuleStats['rows']>;
};

export function serialTotals(totals: BatchTotals, runId: number): SerialTotals {
  return {
    pages: totals.pages,
    levels: totals.levels,
    totalSum: totals.totalSum,
    errors: totals.errors,
    peers: totals.peers.entries(),
    stats: totals.stats.rows(runId),
  };
}

/** The totals of many shares (threads or shards) of one run. */
export function mergeTotals(parts: SerialTotals[]): BatchTotals {
  const totals = emptyTotals();
  for (const r of parts) {
    totals.pages += r.pages;
    totals.totalSum += r.totalSum;
    totals.errors += r.errors;
    for (const [level, n] of Object.entries(r.levels)) totals.levels[level] = (totals.levels[level] ?? 0) + n;
    totals.peers.merge(r.peers);
    totals.stats.merge(r.stats);
  }
  return totals;
}

export async function auditTargets(
  db: Db,
  version: MethodologyVersion,
  targets: AuditTarget[],
  bounds: Bounds,
  runId: number,
  batchSize: number,
  onBatch: (totals: BatchTotals) => Promise<void> | void,
): Promise<BatchTotals> {
  const totals = emptyTotals();
  // On PostgreSQL the next batch is read while this one is judged and written: the server reads on its own
  // connection and core meanwhile. (SQLite reads in this thread: nothing to overlap.)
  const load = (from: number) => loadBatch(db, version, targets.slice(from, from + batchSize), bounds);
  let next = db.sqlite || targets.length === 0 ? null : load(0);
  for (let i = 0; i < targets.length; i += batchSize) {
    const batch = targets.slice(i, i + batchSize);
    const loaded = await (next ?? load(i));
    next = db.sqlite || i + batchSize >= targets.length ? null : load(i + batchSize);
    // A failed read ahead is met when its turn comes, not as an unhandled rejection meanwhile.
    next?.catch(() => undefined);
    const { audits, verified } = judgeBatch(version, batch, loaded, bounds);
    // The rows are made before the transaction: the write lock (SQLite's, for the whole database) is held only
    // while they are written, and readers' writes (a web process's) wait less.
    const rows = batchRows(runId, batch, audits, verified);
    await inTransaction(db, async (tx) => {
      await insertPageResults(tx, rows.pages);
      await insertRuleResults(tx, rows.rules);
    });
    crashPoint('audit.after-batch');
    audits.forEach((audit, k) => {
      const target = batch[k] as AuditTarget;
      totals.levels[audit.score.level] = (totals.levels[audit.score.level] ?? 0) + 1;
      totals.totalSum += audit.score.total;
      for (const r of audit.rules) {
        if (r.status === 'error') totals.errors++;
        if (r.value !== null) totals.peers.add(target.region_code ?? '-', target.kind ?? '-', r.id, r.value);
        totals.stats.add(target, r.id, r.status);
      }
    });
    totals.pages += audits.length;
    await onBatch(totals);
  }
  return totals;
}

const DAY = 86_400;
/** A quarter, as live broadcasts are counted: 91 days. */
const QUARTER = 91 * DAY;

export async function evaluateBatch(
  db: Db,
  version: MethodologyVersion,
  batch: AuditTarget[],
  bounds: Bounds,
) {
  return judgeBatch(version, batch, await loadBatch(db, version, batch, bounds), bounds);
}

/** What the rules of a batch read: artifacts with the page facts and the quarter's live broadcasts. */
async function loadBatch(db: Db, version: MethodologyVersion, batch: AuditTarget[], bounds: Bounds) {
  const loaded = await loadArtifacts(db, batch, bounds);
  const ids = batch.map((t) => t.id);
  const [facts, lives] = await Promise.all([
    readPageFacts(db, ids, bounds.end - version.factsValidDays * DAY, bounds.end),
    readLiveDates(db, ids, bounds.end - QUARTER, bounds.end),
  ]);
  return loaded.map((a) => ({
    ...a,
    external: { ...a.external, ...facts.get(a.page.id) },
    quarterLives: lives.get(a.page.id) ?? [],
  }));
}

/** The batch judged: pure, no I/O. */
function judgeBatch(
  version: MethodologyVersion,
  batch: AuditTarget[],
  artifacts: Awaited<ReturnType<typeof loadBatch>>,
  bounds: Bounds,
) {
  const audits = artifacts.map((a, k) => {
    const period: Period = { ...bounds, timezone: batch[k]?.timezone ?? 'Europe/Moscow' };
    return evaluatePage(version, a, { period, holidays: holidaysIn(version, period) });
  });
  return { audits, verified: artifacts.map((a) => a.profile?.isVerified === true) };
}

function batchRows(runId: number, batch: AuditTarget[], audits: PageAudit[], verified: boolean[]) {
  const ruleRows: Insertable<AuditRuleResultTable>[] = [];
  const pageRows = audits.map((audit, k) => {
    const target = batch[k] as AuditTarget;
    const results: Record<string, object> = {};
    for (const r of audit.rules) {
      if (r.status === 'fail' || r.status === 'warn' || r.status === 'error')
        ruleRows.push({
          run_id: runId,
          page_id: audit.pageId,
          rule_id: r.id,
          status: r.status,
          value: r.value,
          score: r.score,
        });
      const detail = r.status !== 'pass' || r.evidence.length > 0;
      results[r.id] = {
        status: r.status,
        value: r.value,
        score: r.score,
        ...(detail ? { evidence: r.evidence, vars: r.vars } : {}),
        ...(r.error ? { error: r.error } : {}),
        ...(r.unknown ? { unknown: r.unknown } : {}),
        ...(r.source ? { source: r.source } : {}),
      };
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
      results_json: JSON.stringify(results),
      verified: verified[k] ? 1 : 0,
    } as const;
  });
  return { pages: pageRows, rules: ruleRows };
}

type StatRow = Insertable<AuditRuleStatTable>;
const STATUS_COLUMNS = ['n_pass', 'n_warn', 'n_fail', 'n_na', 'n_unknown', 'n_manual', 'n_error'] as const;

/** Status counts per region, municipality, kind and rule, gathered while the run goes. */
export class RuleStats {
  private readonly counts = new Map<string, StatRow>();

  add(target: AuditTarget, ruleId: string, status: string): void {
    this.bump(
      target.region_code ?? '-',
      target.municipality_id ?? 0,
      target.kind ?? '-',
      ruleId,
      `n_${status}` as StatColumn,
      1,
    );
  }

  private bump(
    region: string,
    municipality: number,
    kind: string,
    ruleId: string,
    column: StatColumn,
    by: number,
  ) {
    const key = `${region}|${municipality}|${kind}|${ruleId}`;
    let row = this.counts.get(key);
    if (!row) {
      row = {
        run_id: 0,
        region_code: region,
        municipality_id: municipality,
        kind,
        rule_id: ruleId,
        n_pass: 0,
        n_warn: 0,
        n_fail: 0,
        n_na: 0,
        n_unknown: 0,
        n_manual: 0,
        n_error: 0,
      };
      this.counts.set(key, row);
    }
    row[column] = (row[column] ?? 0) + by;
  }

  /** Adds another worker's counts. */
  merge(rows: StatRow[]): void {
    for (const r of rows)
      for (const c of STATUS_COLUMNS)
        this.bump(r.region_code, r.municipality_id, r.kind, r.rule_id, c, r[c] ?? 0);
  }

  rows(runId: number): StatRow[] {
    return [...this.counts.values()].map((row) => ({ ...row, run_id: runId }));
  }
}

type StatColumn = (typeof STATUS_COLUMNS)[number];
