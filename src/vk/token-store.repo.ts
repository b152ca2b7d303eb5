// SQL of stored VK tokens. Only `sealedTokens` reads the sealed column; lists never do.
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { VkTokenTable } from '../platform/db-schema.ts';

export type VkTokenRow = Omit<Selectable<VkTokenTable>, 'sealed' | 'daily_quota_json' | 'updated_at'>;

const LISTED = [
  'id',
  'label',
  'kind',
  'per_second',
  'token_key',
  'key_id',
  'page_id',
  'disabled',
  'created_at',
  'scopes',
  'expires_at',
] as const;

export async function insertVkToken(db: Db, row: Insertable<VkTokenTable>): Promise<VkTokenRow> {
  return db.kysely.insertInto('vk_tokens').values(row).returning(LISTED).executeTakeFirstOrThrow();
}

/** A stored token with this label or this token (by its key), if any: one lookup, not a scan of them all. */
export function findVkTokenClash(db: Db, label: string, tokenKey: string) {
  return db.kysely
    .selectFrom('vk_tokens')
    .select(['label'])
    .where((eb) => eb.or([eb('label', '=', label), eb('token_key', '=', tokenKey)]))
    .executeTakeFirst();
}

export function listVkTokenRows(db: Db): Promise<VkTokenRow[]> {
  return db.kysely.selectFrom('vk_tokens').select(LISTED).orderBy('label').execute();
}

export function sealedTokens(db: Db, options: { includeDisabled?: boolean } = {}) {
  let query = db.kysely
    .selectFrom('vk_tokens')
    .select(['id', 'label', 'kind', 'per_second', 'daily_quota_json', 'sealed', 'page_id', 'scopes'])
    .orderBy('id');
  if (!options.includeDisabled) query = query.where('disabled', '=', 0);
  return query.execute();
}

/** The kinds of a page's enabled tokens (community, user), without reading the sealed tokens. */
export async function pageTokenKindRows(db: Db, pageId: number): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('vk_tokens')
    .select('kind')
    .where('page_id', '=', pageId)
    .where('disabled', '=', 0)
    .execute();
  return rows.map((r) => r.kind);
}

export async function deleteVkToken(db: Db, label: string): Promise<boolean> {
  const result = await db.kysely.deleteFrom('vk_tokens').where('label', '=', label).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function setVkTokenDisabled(db: Db, label: string, disabled: boolean, now: number) {
  const result = await db.kysely
    .updateTable('vk_tokens')
    .set({ disabled: disabled ? 1 : 0, updated_at: now })
    .where('label', '=', label)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateSealed(db: Db, id: number, sealed: string, keyId: string, now: number) {
  await db.kysely
    .updateTable('vk_tokens')
    .set({ sealed, key_id: keyId, updated_at: now })
    .where('id', '=', id)
    .execute();
}
