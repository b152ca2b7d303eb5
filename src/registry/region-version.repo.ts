// The methodology version a region is judged by: its own choice, else the national one.
import { NATIONAL_VERSION } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';

/** The version id of each region asked for (the national one where the region chose none). */
export async function regionVersions(db: Db, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (codes.length === 0) return out;
  const rows = await db.kysely
    .selectFrom('regions')
    .select(['code', 'methodology_version'])
    .where('code', 'in', codes)
    .execute();
  for (const code of codes) out.set(code, NATIONAL_VERSION);
  for (const r of rows) if (r.methodology_version) out.set(r.code, r.methodology_version);
  return out;
}

export async function regionVersion(db: Db, code: string | null | undefined): Promise<string> {
  if (!code) return NATIONAL_VERSION;
  return (await regionVersions(db, [code])).get(code) ?? NATIONAL_VERSION;
}

/** Sets (or with null clears) a region's own version; false when there is no such region. */
export async function setRegionVersion(db: Db, code: string, version: string | null): Promise<boolean> {
  const r = await db.kysely
    .updateTable('regions')
    .set({ methodology_version: version })
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A region's own choice (null: none, the national version), or undefined when there is no such region. */
export async function findRegionChoice(db: Db, code: string): Promise<string | null | undefined> {
  const row = await db.kysely
    .selectFrom('regions')
    .select('methodology_version')
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? row.methodology_version : undefined;
}
