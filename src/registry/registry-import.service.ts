// Imports a registry file: validate every row first, then upsert institutions (by INN, else OGRN),
// municipalities and VK pages in one transaction. Any invalid row means nothing is written,
// unless skipInvalid is set, in which case the valid rows land and the rest are reported.
import { unixSeconds } from '../platform/clock.ts';
import { bumpVersion, type Db, inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { type Scope, scopeContains, scopeKey } from '../platform/scope.ts';
import { upsertNetworkPages } from './network-pages.repo.ts';
import { insertPages, type PageKey, updatePages } from './page.repo.ts';
import {
  ensureMunicipalities,
  findMunicipality,
  findPlacements,
  type InstitutionKey,
  type InstitutionWrite,
  insertInstitutions,
  updateInstitutions,
} from './registry.repo.ts';
import type { RegistryFile } from './registry-file.reader.ts';
import { indexLookups, type Lookups, queryLookups } from './registry-lookups.ts';
import type { RegistryRow, RowProblem } from './registry-row.ts';
import {
  addProblems,
  pageIdentity,
  readValidatedRegistry,
  type ValidatedRegistry,
  validateRegistryFile,
} from './registry-validate.ts';

export type ImportOptions = {
  skipInvalid?: boolean;
  /** Rows (and the institutions they update) must lie inside this scope. */
  scope?: Scope;
  /** Validate and plan everything, then roll back: the report says what an import would do. */
  dryRun?: boolean;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
};

export type ImportReport = {
  file: string;
  rows: number;
  created: number;
  updated: number;
  pages: number;
  skipped: number;
  /** The first problems (REPORTED_PROBLEMS at most), in row order. */
  problems: RowProblem[];
  /** Every problem, reported or not. */
  problemCount: number;
  /** Rows with at least one problem. */
  invalidRows: number;
  headers: RegistryFile['headers'];
};

/** Reads, validates (while parsing) and imports a file. */
export async function importRegistryFile(db: Db, filePath: string, options: ImportOptions = {}) {
  return importValidated(db, await readValidatedRegistry(filePath), options);
}

export async function importRegistry(
  db: Db,
  file: RegistryFile,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return importValidated(db, validateRegistryFile(file), options);
}

/** Imports rows already read and validated (by a parse thread, for uploads). */
export async function importValidated(
  db: Db,
  file: ValidatedRegistry,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const rows = file.rows;
  const report: ImportReport = {
    file: file.file,
    rows: file.records,
    created: 0,
    updated: 0,
    pages: 0,
    skipped: 0,
    problems: file.problems,
    problemCount: file.problemCount,
    invalidRows: file.invalidRows,
    headers: file.headers,
  };
  if (report.problemCount > 0 && !options.skipInvalid) throw invalidRows(report);
  const now = unixSeconds(options.now ?? new Date());
  await inTransaction(db, async (tx) => {
    // Past a few thousand rows, one load of all keys beats a lookup per row.
    const lookups = rows.length > 5000 ? await indexLookups(tx) : queryLookups(tx);
    const plan = await planInstitutions(lookups, rows);
    if (options.scope) {
      await hideForeignConflicts(tx, options.scope, plan);
      await keepInScope(tx, options.scope, plan);
    }
    addProblems(report, plan.problems);
    if (plan.problems.length > 0 && !options.skipInvalid) throw invalidRows(report);
    await writeRows(tx, lookups, file.headers, plan.rows, plan.existing, now, report, options.onProgress);
    await bumpVersion(tx, 'registry');
    if (options.dryRun) throw new DryRunDone();
  }).catch((error: unknown) => {
    if (!(error instanceof DryRunDone)) throw error;
  });
  report.skipped = report.invalidRows;
  report.problems.sort((a, b) => a.row - b.row);
  return report;
}

/** Thrown to roll a dry run's transaction back once its report is complete. */
class DryRunDone extends Error {}

/** Moves rows outside the scope — or updating an institution outside it — from the plan to its problems. */
async function keepInScope(db: Db, scope: Scope, plan: Plan): Promise<void> {
  if (scope.level === 'country') return;
  const municipality =
    scope.level === 'municipality' || scope.level === 'institution'
      ? scope.municipalityId === null
        ? undefined
        : await findMunicipality(db, scope.municipalityId)
      : undefined;
  const placements = new Map((await findPlacements(db, [...plan.existing.values()])).map((p) => [p.id, p]));
  const inside = (row: RegistryRow): boolean => {
    if (row.region_code !== scope.regionCode) return false;
    const existing = plan.existing.get(row.row);
    const at = existing === undefined ? undefined : placements.get(existing);
    if (
      at &&
      !scopeContains(scope, {
        regionCode: at.region_code,
        municipalityId: at.municipality_id,
        institutionId: at.id,
      })
    )
      return false;
    if (scope.level === 'region') return true;
    if (scope.level === 'institution') return existing === scope.institutionId;
    return municipality !== undefined && row.municipality === municipality.name;
  };
  plan.rows = plan.rows.filter((row) => {
    if (inside(row)) return true;
    plan.problems.push({
      row: row.row,
      field: 'region_code',
      key: 'outside_scope',
      params: { scope: scopeKey(scope) },
    });
    plan.existing.delete(row.row);
    return false;
  });
}

/**
 * A conflict of INN and OGRN names the two institutions' ids; when either lies outside the scope the row is
 * reported as outside the scope instead, in the same words as any other, so a preview never tells which INN
 * or OGRN exists elsewhere, nor its id.
 */
async function hideForeignConflicts(db: Db, scope: Scope, plan: Plan): Promise<void> {
  if (scope.level === 'country') return;
  const ids = plan.problems.flatMap((p) =>
    p.key === 'identity_conflict' ? [Number(p.params?.a), Number(p.params?.b)] : [],
  );
  if (ids.length === 0) return;
  const placements = new Map((await findPlacements(db, [...new Set(ids)])).map((p) => [p.id, p]));
  const visible = (id: number) => {
    const at = placements.get(id);
    return (
      at !== undefined &&
      scopeContains(scope, {
        regionCode: at.region_code,
        municipalityId: at.municipality_id,
        institutionId: at.id,
      })
    );
  };
  plan.problems = plan.problems.map((p) =>
    p.key === 'identity_conflict' && !(visible(Number(p.params?.a)) && visible(Number(p.params?.b)))
      ? { row: p.row, field: 'region_code', key: 'outside_scope', params: { scope: scopeKey(scope) } }
      : p,
  );
}

function invalidRows(report: ImportReport): AppError {
  report.problems.sort((a, b) => a.row - b.row);
  return new AppError(
    'VALIDATION',
    `${report.file}: ${report.invalidRows} invalid rows; nothing was written`,
    report,
  );
}

type Plan = { rows: RegistryRow[]; existing: Map<number, number>; problems: RowProblem[] };

/** Finds which rows update an existing institution (by INN, else OGRN); flags rows whose keys disagree. */
async function planInstitutions(lookups: Lookups, rows: RegistryRow[]): Promise<Plan> {
  const found = await lookups.institutions(
    rows.flatMap((r) => (r.inn ? [r.inn] : [])),
    rows.flatMap((r) => (r.ogrn ? [r.ogrn] : [])),
  );
  const byInn = new Map<string, InstitutionKey>();
  const byOgrn = new Map<string, InstitutionKey>();
  for (const key of found) {
    if (key.inn) byInn.set(key.inn, key);
    if (key.ogrn) byOgrn.set(key.ogrn, key);
  }
  const plan: Plan = { rows: [], existing: new Map(), problems: [] };
  for (const row of rows) {
    const a = row.inn ? byInn.get(row.inn) : undefined;
    const b = row.ogrn ? byOgrn.get(row.ogrn) : undefined;
    if (a && b && a.id !== b.id) {
      plan.problems.push({
        row: row.row,
        field: 'ogrn',
        key: 'identity_conflict',
        params: { a: a.id, b: b.id },
      });
      continue;
    }
    const match = a ?? b;
    if (match) plan.existing.set(row.row, match.id);
    plan.rows.push(row);
  }
  return plan;
}

async function writeRows(
  db: Db,
  lookups: Lookups,
  headers: RegistryFile['headers'],
  rows: RegistryRow[],
  existing: Map<number, number>,
  now: number,
  report: ImportReport,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = rows.length;
  onProgress?.(0, total);
  const municipalityIds = await ensureMunicipalities(
    db,
    uniqueBy(
      rows.flatMap((r) => (r.municipality ? [{ region_code: r.region_code, name: r.municipality }] : [])),
      (p) => `${p.region_code}|${p.name}`,
    ),
  );
  const toWrite = (row: RegistryRow): InstitutionWrite => ({
    inn: row.inn,
    ogrn: row.ogrn,
    full_name: row.full_name,
    short_name: row.short_name,
    kind: row.kind,
    region_code: row.region_code,
    municipality_id: row.municipality
      ? (municipalityIds.get(`${row.region_code}|${row.municipality}`) ?? null)
      : null,
    address: row.address,
    website: row.website,
    created_at: now,
    updated_at: now,
  });
  const updates = rows.filter((r) => existing.has(r.row));
  const inserts = rows.filter((r) => !existing.has(r.row));
  const carried = (['short_name', 'municipality', 'address', 'website'] as const).filter((f) => headers[f]);
  await updateInstitutions(
    db,
    updates.map((r) => ({ ...toWrite(r), id: existing.get(r.row) ?? 0 })),
    [
      'full_name',
      'kind',
      'region_code',
      ...carried.map((f) => (f === 'municipality' ? 'municipality_id' : f)),
    ],
  );
  onProgress?.(updates.length, total);
  const created = await insertInstitutions(db, inserts.map(toWrite));
  const ids = new Map(existing);
  inserts.forEach((row, i) => {
    const key = created[i];
    if (key) ids.set(row.row, key.id);
  });
  report.created += inserts.length;
  report.updated += updates.length;
  onProgress?.(total, total);
  report.pages += await upsertVkPages(db, lookups, rows, ids, now);
  report.pages += await upsertNetworkPages(db, rows, ids, now);
}

/** One VK page per registry row: found by its identity, else the institution's current VK page. */
async function upsertVkPages(
  db: Db,
  lookups: Lookups,
  rows: RegistryRow[],
  ids: Map<number, number>,
  now: number,
) {
  const withPage = rows.filter((r) => r.vk);
  const refs = withPage.map((r) => r.vk as NonNullable<RegistryRow['vk']>);
  const byIdentity = new Map<string, PageKey>();
  for (const page of await lookups.pagesByIdentity(
    refs.flatMap((r) => (r.kind === 'id' ? [r.externalId] : [])),
    refs.flatMap((r) => (r.kind === 'screen_name' ? [r.screenName] : [])),
  )) {
    if (page.external_id !== null) byIdentity.set(`id:${page.external_id}`, page);
    if (page.screen_name !== null) byIdentity.set(`sn:${page.screen_name}`, page);
  }
  const byInstitution = new Map<number, PageKey>();
  for (const page of await lookups.pagesOfInstitutions([...ids.values()])) {
    if (page.institution_id !== null && !byInstitution.has(page.institution_id))
      byInstitution.set(page.institution_id, page);
  }
  const inserts = [];
  const updates = [];
  for (const row of withPage) {
    const ref = row.vk as NonNullable<RegistryRow['vk']>;
    const institutionId = ids.get(row.row) ?? null;
    const target =
      byIdentity.get(pageIdentity(ref)) ?? (institutionId ? byInstitution.get(institutionId) : undefined);
    const identity =
      ref.kind === 'id'
        ? {
            external_id: ref.externalId,
            screen_name: target?.external_id === ref.externalId ? target.screen_name : null,
          }
        : {
            screen_name: ref.screenName,
            external_id: target?.screen_name === ref.screenName ? target.external_id : null,
          };
    const page = {
      institution_id: institutionId,
      platform: 'vk' as const,
      url: ref.url,
      status: 'unknown' as const,
      created_at: now,
      updated_at: now,
      ...identity,
    };
    if (target) {
      updates.push({ ...page, id: target.id });
      lookups.pageMoved(target, { id: target.id, institution_id: institutionId, ...identity });
    } else inserts.push(page);
  }
  await updatePages(db, updates);
  await insertPages(db, inserts);
  return withPage.length;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return [...map.values()];
}
