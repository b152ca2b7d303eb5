// SQL of pages: an institution's official pages on VK (and later OK and Telegram).
import type { Insertable } from 'kysely';
import { chunked, type Db } from '../platform/db.ts';
import type { PageTable, Platform } from '../platform/db-schema.ts';

const CHUNK = 500;

export type PageKey = {
  id: number;
  institution_id: number | null;
  external_id: number | null;
  screen_name: string | null;
};

export async function findPagesByIdentity(
  db: Db,
  platform: Platform,
  externalIds: number[],
  screenNames: string[],
): Promise<PageKey[]> {
  const found: PageKey[] = [];
  const base = db.kysely
    .selectFrom('pages')
    .select(['id', 'institution_id', 'external_id', 'screen_name'])
    .where('platform', '=', platform);
  for (const chunk of chunked(externalIds, CHUNK))
    found.push(...(await base.where('external_id', 'in', chunk).execute()));
  for (const chunk of chunked(screenNames, CHUNK))
    found.push(...(await base.where('screen_name', 'in', chunk).execute()));
  return found;
}

export async function findPagesOfInstitutions(db: Db, platform: Platform, institutionIds: number[]) {
  const found: PageKey[] = [];
  for (const chunk of chunked(institutionIds, CHUNK)) {
    found.push(
      ...(await db.kysely
        .selectFrom('pages')
        .select(['id', 'institution_id', 'external_id', 'screen_name'])
        .where('platform', '=', platform)
        .where('institution_id', 'in', chunk)
        .orderBy('id')
        .execute()),
    );
  }
  return found;
}

export async function insertPages(db: Db, rows: Insertable<PageTable>[]): Promise<void> {
  for (const chunk of chunked(rows, CHUNK)) await db.kysely.insertInto('pages').values(chunk).execute();
}

/** Re-links and re-addresses existing pages by id, in multi-row upserts. */
export async function updatePages(db: Db, rows: (Insertable<PageTable> & { id: number })[]): Promise<void> {
  for (const chunk of chunked(rows, CHUNK)) {
    await db.kysely
      .insertInto('pages')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          institution_id: eb.ref('excluded.institution_id'),
          url: eb.ref('excluded.url'),
          external_id: eb.ref('excluded.external_id'),
          screen_name: eb.ref('excluded.screen_name'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

export async function countPages(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('pages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
