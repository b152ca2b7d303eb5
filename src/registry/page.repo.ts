// SQL of pages: an institution's official pages on VK (and later OK and Telegram).
import type { Insertable } from 'kysely';
import { bumpVersion, chunked, countRows, type Db, lookupMany, writeRows } from '../platform/db.ts';
import type { PageTable, Platform } from '../platform/db-schema.ts';

const CHUNK = 500;

export type PageKey = {
  id: number;
  institution_id: number | null;
  external_id: number | null;
  screen_name: string | null;
};

function pageKeys(db: Db, platform: Platform) {
  return db.kysely
    .selectFrom('pages')
    .select(['id', 'institution_id', 'external_id', 'screen_name'])
    .where('platform', '=', platform)
    .orderBy('id');
}

export async function findPagesByIdentity(
  db: Db,
  platform: Platform,
  externalIds: number[],
  screenNames: string[],
): Promise<PageKey[]> {
  const scan = () => pageKeys(db, platform).execute();
  return [
    ...(await lookupMany(
      externalIds,
      (chunk) => pageKeys(db, platform).where('external_id', 'in', chunk).execute(),
      scan,
      (r) => r.external_id,
    )),
    ...(await lookupMany(
      screenNames,
      (chunk) => pageKeys(db, platform).where('screen_name', 'in', chunk).execute(),
      scan,
      (r) => r.screen_name,
    )),
  ];
}

export async function findPagesOfInstitutions(db: Db, platform: Platform, institutionIds: number[]) {
  return lookupMany(
    institutionIds,
    (chunk) => pageKeys(db, platform).where('institution_id', 'in', chunk).execute(),
    () => pageKeys(db, platform).execute(),
    (r) => r.institution_id,
  );
}

export async function insertPages(db: Db, rows: Insertable<PageTable>[]): Promise<void> {
  await writeRows(db, rows, (values) => db.kysely.insertInto('pages').values(values));
}

type PageColumn = 'institution_id' | 'url' | 'external_id' | 'screen_name' | 'status';
const ADDRESS_COLUMNS: PageColumn[] = ['institution_id', 'url', 'external_id', 'screen_name'];

/** Re-links and re-addresses existing pages by id (and sets their status when asked), in multi-row upserts. */
export async function updatePages(
  db: Db,
  rows: (Insertable<PageTable> & { id: number })[],
  columns: PageColumn[] = ADDRESS_COLUMNS,
): Promise<void> {
  await writeRows(db, rows, (values) =>
    db.kysely
      .insertInto('pages')
      .values(values)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => {
          const set: Record<string, unknown> = { updated_at: eb.ref('excluded.updated_at') };
          for (const column of columns) set[column] = eb.ref(`excluded.${column}`);
          return set;
        }),
      ),
  );
}

export function countPages(db: Db): Promise<number> {
  return countRows(db, 'pages');
}

export type KnownPage = {
  /** INN of the institution to link; null leaves the page unlinked until the registry names it. */
  inn: string | null;
  external_id: number;
  screen_name: string | null;
  url: string;
  status: PageTable['status'];
};

/**
 * Records pages whose VK id is known (from a collection or a world), linked to institutions by INN:
 * an existing page is found by its id, else by its screen name, else it is created. Returns ids by VK id.
 */
export async function upsertKnownPages(
  db: Db,
  pages: KnownPage[],
  now: number,
): Promise<Map<number, number>> {
  const institutionIds = new Map<string, number>();
  for (const chunk of chunked(
    pages.flatMap((p) => (p.inn ? [p.inn] : [])),
    CHUNK,
  )) {
    const rows = await db.kysely
      .selectFrom('institutions')
      .select(['id', 'inn'])
      .where('inn', 'in', chunk)
      .execute();
    for (const row of rows) if (row.inn) institutionIds.set(row.inn, row.id);
  }
  const existing = await findPagesByIdentity(
    db,
    'vk',
    pages.map((p) => p.external_id),
    pages.flatMap((p) => (p.screen_name ? [p.screen_name] : [])),
  );
  const byId = new Map(existing.filter((p) => p.external_id !== null).map((p) => [p.external_id, p]));
  const byName = new Map(existing.filter((p) => p.screen_name !== null).map((p) => [p.screen_name, p]));
  const updates = [];
  const inserts = [];
  for (const page of pages) {
    const target =
      byId.get(page.external_id) ?? (page.screen_name ? byName.get(page.screen_name) : undefined);
    const row = {
      institution_id: (page.inn ? institutionIds.get(page.inn) : undefined) ?? target?.institution_id ?? null,
      platform: 'vk' as const,
      external_id: page.external_id,
      screen_name: page.screen_name,
      url: page.url,
      status: page.status,
      created_at: now,
      updated_at: now,
    };
    if (target) updates.push({ ...row, id: target.id });
    else inserts.push(row);
  }
  await updatePages(db, updates, [...ADDRESS_COLUMNS, 'status']);
  await insertPages(db, inserts);
  const ids = new Map<number, number>();
  for (const chunk of chunked(
    pages.map((p) => p.external_id),
    CHUNK,
  )) {
    const rows = await db.kysely
      .selectFrom('pages')
      .select(['id', 'external_id'])
      .where('platform', '=', 'vk')
      .where('external_id', 'in', chunk)
      .execute();
    for (const row of rows) if (row.external_id !== null) ids.set(row.external_id, row.id);
  }
  await bumpVersion(db, 'registry');
  return ids;
}

export type AuditTarget = {
  id: number;
  url: string;
  status: string;
  institution_id: number | null;
  full_name: string | null;
  short_name: string | null;
  kind: string | null;
  website: string | null;
  region_code: string | null;
  municipality_id: number | null;
  timezone: string | null;
};

/** The pages an audit judges (all, or those of one region), with their institution, in id order. */
export async function listAuditTargets(
  db: Db,
  filter: { regionCode?: string | undefined; pageIds?: number[]; platform?: Platform } = {},
): Promise<AuditTarget[]> {
  let query = db.kysely
    .selectFrom('pages')
    .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
    .leftJoin('regions', 'regions.code', 'institutions.region_code')
    .select([
      'pages.id',
      'pages.url',
      'pages.status',
      'pages.institution_id',
      'institutions.full_name',
      'institutions.short_name',
      'institutions.kind',
      'institutions.website',
      'institutions.region_code',
      'institutions.municipality_id',
      'regions.timezone',
    ])
    .where('pages.platform', '=', filter.platform ?? 'vk')
    .orderBy('pages.id');
  if (filter.regionCode) query = query.where('institutions.region_code', '=', filter.regionCode);
  if (filter.pageIds) query = query.where('pages.id', 'in', filter.pageIds.length ? filter.pageIds : [0]);
  return query.execute();
}

export async function listPageKeys(db: Db, platform: Platform): Promise<PageKey[]> {
  return pageKeys(db, platform).execute();
}

/** A VK page by its community id (either sign) or screen name. */
export async function findVkPage(db: Db, ref: string) {
  const query = db.kysely
    .selectFrom('pages')
    .select(['id', 'external_id', 'screen_name', 'institution_id'])
    .where('platform', '=', 'vk');
  const numeric = /^-?(?:club|public)?(\d+)$/.exec(ref.trim());
  return numeric
    ? query.where('external_id', '=', Number(numeric[1])).executeTakeFirst()
    : query.where('screen_name', '=', ref.trim().replace(/^@/, '').toLowerCase()).executeTakeFirst();
}

/** Pages whose VK community is known (its id), for the tokens that act on them. */
export async function listPagesWithCommunity(db: Db): Promise<{ id: number; externalId: number }[]> {
  const rows = await db.kysely
    .selectFrom('pages')
    .select(['id', 'external_id'])
    .where('platform', '=', 'vk')
    .where('external_id', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, externalId: r.external_id as number }));
}
