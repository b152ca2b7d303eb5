// Imports a registry file: validate every row first, then upsert institutions (by INN, else OGRN),
// municipalities and VK pages in one transaction. Any invalid row means nothing is written,
// unless skipInvalid is set, in which case the valid rows land and the rest are reported.
import { unixSeconds } from '../platform/clock.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import {
  findPagesByIdentity,
  findPagesOfInstitutions,
  insertPages,
  type PageKey,
  updatePages,
} from './page.repo.ts';
import {
  ensureMunicipalities,
  findInstitutionsByKeys,
  type InstitutionKey,
  type InstitutionWrite,
  insertInstitutions,
  updateInstitutions,
} from './registry.repo.ts';
import { type RegistryFile, readRegistryFile } from './registry-file.reader.ts';
import { type RegistryRow, type RowProblem, validateRecord } from './registry-row.ts';

export type ImportOptions = {
  skipInvalid?: boolean;
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
  problems: RowProblem[];
  headers: RegistryFile['headers'];
};

export async function importRegistryFile(db: Db, filePath: string, options: ImportOptions = {}) {
  return importRegistry(db, await readRegistryFile(filePath), options);
}

export async function importRegistry(
  db: Db,
  file: RegistryFile,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { rows, problems } = validateAll(file);
  const report: ImportReport = {
    file: file.file,
    rows: file.records.length,
    created: 0,
    updated: 0,
    pages: 0,
    skipped: 0,
    problems,
    headers: file.headers,
  };
  if (problems.length > 0 && !options.skipInvalid) throw invalidRows(report);
  const now = unixSeconds(options.now ?? new Date());
  await inTransaction(db, async (tx) => {
    const plan = await planInstitutions(tx, rows);
    report.problems.push(...plan.problems);
    if (plan.problems.length > 0 && !options.skipInvalid) throw invalidRows(report);
    await writeRows(tx, file, plan.rows, plan.existing, now, report, options.onProgress);
  });
  report.skipped = new Set(report.problems.map((p) => p.row)).size;
  return report;
}

function invalidRows(report: ImportReport): AppError {
  report.problems.sort((a, b) => a.row - b.row);
  const count = new Set(report.problems.map((p) => p.row)).size;
  return new AppError('VALIDATION', `${report.file}: ${count} invalid rows; nothing was written`, report);
}

/** Row-level checks plus the cross-row ones: the same INN, OGRN or page twice in one file. */
function validateAll(file: RegistryFile): { rows: RegistryRow[]; problems: RowProblem[] } {
  const rows: RegistryRow[] = [];
  const problems: RowProblem[] = [];
  const seen = {
    inn: new Map<string, number>(),
    ogrn: new Map<string, number>(),
    page: new Map<string, number>(),
  };
  for (const record of file.records) {
    const result = validateRecord(record, file.columnCount);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const row = result.row;
    const duplicate = firstDuplicate(row, seen);
    if (duplicate) {
      problems.push({ row: row.row, ...duplicate });
      continue;
    }
    if (row.inn) seen.inn.set(row.inn, row.row);
    if (row.ogrn) seen.ogrn.set(row.ogrn, row.row);
    if (row.vk) seen.page.set(pageIdentity(row.vk), row.row);
    rows.push(row);
  }
  return { rows, problems };
}

function firstDuplicate(
  row: RegistryRow,
  seen: Record<'inn' | 'ogrn' | 'page', Map<string, number>>,
): Omit<RowProblem, 'row'> | undefined {
  if (row.inn !== null) {
    const other = seen.inn.get(row.inn);
    if (other !== undefined) return { field: 'inn', key: 'duplicate_key', params: { other, key: row.inn } };
  }
  if (row.ogrn !== null) {
    const other = seen.ogrn.get(row.ogrn);
    if (other !== undefined) return { field: 'ogrn', key: 'duplicate_key', params: { other, key: row.ogrn } };
  }
  if (row.vk !== null) {
    const other = seen.page.get(pageIdentity(row.vk));
    if (other !== undefined) return { field: 'vk_url', key: 'duplicate_page', params: { other } };
  }
  return undefined;
}

function pageIdentity(ref: NonNullable<RegistryRow['vk']>): string {
  return ref.kind === 'id' ? `id:${ref.externalId}` : `sn:${ref.screenName}`;
}

type Plan = { rows: RegistryRow[]; existing: Map<number, number>; problems: RowProblem[] };

/** Finds which rows update an existing institution (by INN, else OGRN); flags rows whose keys disagree. */
async function planInstitutions(db: Db, rows: RegistryRow[]): Promise<Plan> {
  const found = await findInstitutionsByKeys(
    db,
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
  file: RegistryFile,
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
  const carried = (['short_name', 'municipality', 'address', 'website'] as const).filter(
    (f) => file.headers[f],
  );
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
  report.created = inserts.length;
  report.updated = updates.length;
  onProgress?.(total, total);
  report.pages = await upsertVkPages(db, rows, ids, now);
}

/** One VK page per registry row: found by its identity, else the institution's current VK page. */
async function upsertVkPages(db: Db, rows: RegistryRow[], ids: Map<number, number>, now: number) {
  const withPage = rows.filter((r) => r.vk);
  const refs = withPage.map((r) => r.vk as NonNullable<RegistryRow['vk']>);
  const byIdentity = new Map<string, PageKey>();
  for (const page of await findPagesByIdentity(
    db,
    'vk',
    refs.flatMap((r) => (r.kind === 'id' ? [r.externalId] : [])),
    refs.flatMap((r) => (r.kind === 'screen_name' ? [r.screenName] : [])),
  )) {
    if (page.external_id !== null) byIdentity.set(`id:${page.external_id}`, page);
    if (page.screen_name !== null) byIdentity.set(`sn:${page.screen_name}`, page);
  }
  const byInstitution = new Map<number, PageKey>();
  for (const page of await findPagesOfInstitutions(db, 'vk', [...ids.values()])) {
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
    if (target) updates.push({ ...page, id: target.id });
    else inserts.push(page);
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
