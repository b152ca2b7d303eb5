// SQL of alert settings: each person's e-mail preferences and the regions' webhooks.
import type { Db } from '../platform/db.ts';

export function findPreferences(db: Db, userId: number) {
  return db.kysely
    .selectFrom('alert_preferences')
    .select(['email', 'immediate', 'digest'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function savePreferences(
  db: Db,
  row: { userId: number; email: string; immediate: boolean; digest: boolean },
): Promise<void> {
  const values = { email: row.email, immediate: row.immediate ? 1 : 0, digest: row.digest ? 1 : 0 };
  await db.kysely
    .insertInto('alert_preferences')
    .values({ user_id: row.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

export async function deletePreferences(db: Db, userId: number): Promise<void> {
  await db.kysely.deleteFrom('alert_preferences').where('user_id', '=', userId).execute();
}

export function listWebhooks(db: Db, regionCode: string | null) {
  let query = db.kysely.selectFrom('alert_webhooks').select(['id', 'region_code', 'url', 'created_at']);
  if (regionCode !== null) query = query.where('region_code', '=', regionCode);
  return query.orderBy('id').execute();
}

export function findWebhook(db: Db, id: number) {
  return db.kysely
    .selectFrom('alert_webhooks')
    .select(['id', 'region_code', 'url'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertWebhook(
  db: Db,
  row: { regionCode: string; url: string; secret: string; at: number },
): Promise<number> {
  const inserted = await db.kysely
    .insertInto('alert_webhooks')
    .values({ region_code: row.regionCode, url: row.url, secret: row.secret, created_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function deleteWebhook(db: Db, id: number): Promise<void> {
  await db.kysely.deleteFrom('alert_webhooks').where('id', '=', id).execute();
}

/** The delivery log of webhooks to these addresses, newest first. */
export function webhookDeliveries(db: Db, urls: string[], limit: number) {
  if (urls.length === 0) return Promise.resolve([]);
  return db.kysely
    .selectFrom('alert_deliveries')
    .select(['id', 'target', 'subject', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .where('channel', '=', 'webhook')
    .where('target', 'in', urls)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  return (
    (await db.kysely.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !==
    undefined
  );
}
