// SQL of the registry: municipalities and institutions, written in multi-row statements.
import type { Insertable } from 'kysely';
import { chunked, type Db } from '../platform/db.ts';
import type { InstitutionTable } from '../platform/db-schema.ts';

const CHUNK = 500;

export type InstitutionKey = { id: number; inn: string | null; ogrn: string | null };
export type InstitutionWrite = Insertable<InstitutionTable>;

/** Creates missing municipalities and returns the ids of all asked for, keyed `region|name`. */
export async function ensureMunicipalities(
  db: Db,
  pairs: { region_code: string; name: string }[],
): Promise<Map<string, number>> {
  for (const chunk of chunked(pairs, CHUNK)) {
    await db.kysely
      .insertInto('municipalities')
      .values(chunk)
      .onConflict((oc) => oc.columns(['region_code', 'name']).doNothing())
      .execute();
  }
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
  const found: InstitutionKey[] = [];
  for (const chunk of chunked(inns, CHUNK)) {
    found.push(
      ...(await db.kysely
        .selectFrom('institutions')
        .select(['id', 'inn', 'ogrn'])
        .where('inn', 'in', chunk)
        .execute()),
    );
  }
  for (const chunk of chunked(ogrns, CHUNK)) {
    found.push(
      ...(await db.kysely
        .selectFrom('institutions')
        .select(['id', 'inn', 'ogrn'])
        .where('ogrn', 'in', chunk)
        .execute()),
    );
  }
  return found;
}

export async function insertInstitutions(db: Db, rows: InstitutionWrite[]): Promise<InstitutionKey[]> {
  const keys: InstitutionKey[] = [];
  for (const chunk of chunked(rows, CHUNK)) {
    keys.push(
      ...(await db.kysely
        .insertInto('institutions')
        .values(chunk)
        .returning(['id', 'inn', 'ogrn'])
        .execute()),
    );
  }
  return keys;
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
  for (const chunk of chunked(rows, CHUNK)) {
    await db.kysely
      .insertInto('institutions')
      .values(chunk)
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
      )
      .execute();
  }
}

export async function countRegistry(db: Db) {
  const count = (table: 'regions' | 'municipalities' | 'institutions') =>
    db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const [regions, municipalities, institutions] = await Promise.all([
    count('regions'),
    count('municipalities'),
    count('institutions'),
  ]);
  return { regions, municipalities, institutions };
}
