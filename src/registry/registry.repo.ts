// SQL of the registry: municipalities and institutions, written in multi-row statements.
import type { Insertable } from 'kysely';
import { chunked, countRows, type Db, insertReturningIds, lookupMany, writeRows } from '../platform/db.ts';
import type { InstitutionTable } from '../platform/db-schema.ts';

const CHUNK = 500;

export type InstitutionKey = { id: number; inn: string | null; ogrn: string | null };
export type InstitutionWrite = Insertable<InstitutionTable>;

/** Creates missing municipalities and returns the ids of all asked for, keyed `region|name`. */
export async function ensureMunicipalities(
  db: Db,
  pairs: { region_code: string; name: string }[],
): Promise<Map<string, number>> {
  await writeRows(db, pairs, (values) =>
    db.kysely
      .insertInto('municipalities')
      .values(values)
      .onConflict((oc) => oc.columns(['region_code', 'name']).doNothing()),
  );
  const ids = new Map<string, number>();
  const regions = [...new Set(pairs.map((p) => p.region_code))];
  for (const chunk of chunked(regions, CHUNK)) {
    const rows = await db.kysely
      .selectFrom('municipalities')
      .select(['id', 'region_code', 'name'])
      .where('region_code', 'in', chunk)
      .execute();
    for (const row of rows) ids.set(`${row.region_code}|${row.name}`, row.id);
  }
  return ids;
}

export async function findInstitutionsByKeys(
  db: Db,
  inns: string[],
  ogrns: string[],
): Promise<InstitutionKey[]> {
  const keys = () => db.kysely.selectFrom('institutions').select(['id', 'inn', 'ogrn']);
  const scan = () =>
    keys()
      .where((eb) => eb.or([eb('inn', 'is not', null), eb('ogrn', 'is not', null)]))
      .execute();
  return [
    ...(await lookupMany(
      inns,
      (chunk) => keys().where('inn', 'in', chunk).execute(),
      scan,
      (r) => r.inn,
    )),
    ...(await lookupMany(
      ogrns,
      (chunk) => keys().where('ogrn', 'in', chunk).execute(),
      scan,
      (r) => r.ogrn,
    )),
  ];
}

export async function insertInstitutions(db: Db, rows: InstitutionWrite[]): Promise<InstitutionKey[]> {
  const ids = await insertReturningIds(db, 'institutions', rows, (values) =>
    db.kysely.insertInto('institutions').values(values),
  );
  return rows.map((row, i) => ({ id: ids[i] ?? 0, inn: row.inn ?? null, ogrn: row.ogrn ?? null }));
}

type UpdatableColumn =
  | 'full_name'
  | 'short_name'
  | 'kind'
  | 'region_code'
  | 'municipality_id'
  | 'address'
  | 'website';

/**
 * Updates existing institutions by id in multi-row upserts. INN and OGRN are only filled in, never erased;
 * other columns are overwritten only when the import carried them.
 */
export async function updateInstitutions(
  db: Db,
  rows: (InstitutionWrite & { id: number })[],
  columns: UpdatableColumn[],
): Promise<void> {
  await writeRows(db, rows, (values) =>
    db.kysely
      .insertInto('institutions')
      .values(values)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => {
          const set: Record<string, unknown> = {
            inn: eb.fn.coalesce('excluded.inn', 'institutions.inn'),
            ogrn: eb.fn.coalesce('excluded.ogrn', 'institutions.ogrn'),
            updated_at: eb.ref('excluded.updated_at'),
          };
          for (const column of columns) set[column] = eb.ref(`excluded.${column}`);
          return set;
        }),
      ),
  );
}

export async function countRegistry(db: Db) {
  const [regions, municipalities, institutions] = await Promise.all([
    countRows(db, 'regions'),
    countRows(db, 'municipalities'),
    countRows(db, 'institutions'),
  ]);
  return { regions, municipalities, institutions };
}

/** Every institution's keys: a large import plans against these in memory instead of many lookups. */
export async function listInstitutionKeys(db: Db): Promise<InstitutionKey[]> {
  return db.kysely.selectFrom('institutions').select(['id', 'inn', 'ogrn']).execute();
}

/** Where a municipality or an institution sits, to turn a scope given by id into a full scope. */
export function findMunicipality(db: Db, id: number) {
  return db.kysely
    .selectFrom('municipalities')
    .select(['id', 'region_code', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findInstitutionPlacement(db: Db, id: number) {
  return db.kysely
    .selectFrom('institutions')
    .select(['id', 'region_code', 'municipality_id', 'full_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findRegion(db: Db, code: string) {
  return db.kysely.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findPlacements(db: Db, ids: number[]) {
  const rows: { id: number; region_code: string; municipality_id: number | null }[] = [];
  for (const chunk of chunked(ids, CHUNK))
    rows.push(
      ...(await db.kysely
        .selectFrom('institutions')
        .select(['id', 'region_code', 'municipality_id'])
        .where('id', 'in', chunk)
        .execute()),
    );
  return rows;
}
