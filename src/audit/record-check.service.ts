// Manual checks and the Госпаблики export on a caller's behalf: the page (or every row's page) must lie in the
// caller's scope, a check is dated no later than now, and each write goes to the audit log in its transaction.
import type { Actor } from '../platform/audit-log.ts';
import { recordAction } from '../platform/audit-log.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Placement, placementOf, type Scope } from '../platform/scope.ts';
import { findPageInScope, readGrid } from '../registry/index.ts';
import { listLatestFacts } from './page-facts.repo.ts';
import {
  type ExportReport,
  importGospublikiExport,
  type ManualCheck,
  recordCheck,
} from './page-facts.service.ts';

export type Caller = Actor & { userId: number; scope: Scope };

/** Earliest date a check may carry: older ones would be stale under any version anyway. */
const EARLIEST = Date.parse('2020-01-01T00:00:00Z') / 1000;

/** An export of a region is a few thousand rows; the whole country's belongs on the command line. */
export const EXPORT_MAX_ROWS = 20_000;

async function placedPage(db: Db, scope: Scope, pageId: number): Promise<Placement> {
  const page = await findPageInScope(db, scope, pageId);
  if (!page) throw notFound('page', pageId);
  return {
    regionCode: page.region_code ?? null,
    municipalityId: page.municipality_id ?? null,
    institutionId: page.institution_id ?? null,
  };
}

export async function recordCheckAs(
  db: Db,
  caller: Caller,
  check: ManualCheck & { checkedAt?: number },
  now: number,
): Promise<void> {
  const placement = await placedPage(db, caller.scope, check.pageId);
  const at = check.checkedAt ?? now;
  if (at > now || at < EARLIEST)
    throw new AppError('VALIDATION', 'checkedAt: the check must be dated between 2020-01-01 and now', [
      { path: 'body.checkedAt', message: 'between 2020-01-01 and now' },
    ]);
  await inTransaction(db, async (tx) => {
    await recordCheck(tx, check, caller.userId, at);
    await recordAction(
      tx,
      caller,
      {
        action: 'page_fact.record',
        targetType: 'page',
        targetId: check.pageId,
        at: now,
        details: { fact: check.fact, value: check.value, checkedAt: at, evidence: check.evidence ?? null },
      },
      placement,
    );
  });
}

export async function listFactsAs(db: Db, scope: Scope, pageId: number) {
  await placedPage(db, scope, pageId);
  return listLatestFacts(db, pageId);
}

/** Imports an uploaded export; rows whose page lies outside the caller's scope are `no_page` problems. */
export async function importExportAs(
  db: Db,
  caller: Caller,
  file: { name: string; path: string },
  options: { dryRun: boolean; now: number },
): Promise<ExportReport> {
  const grid = await readGrid(file.path, file.name, EXPORT_MAX_ROWS);
  const placement = placementOf(caller.scope);
  return importGospublikiExport(db, grid, {
    by: caller.userId,
    at: options.now,
    file: file.name,
    scope: caller.scope,
    dryRun: options.dryRun,
    afterWrite: (tx, report) =>
      recordAction(
        tx,
        caller,
        {
          action: 'page_fact.import',
          targetType: 'gospubliki_export',
          targetId: file.name,
          at: options.now,
          details: { rows: report.rows, pages: report.pages, facts: report.facts },
        },
        placement,
      ),
  });
}
