// SQL of alert settings: each person's e-mail preferences and the regions' webhooks.
import type { Db } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';

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

/**
 * Pages in scope whose level changed between the last two finished audits of the same methodology version while
 * their total fell: the pages that fell a level. Empty until two such audits exist.
 */
export async function pagesFallingALevel(db: Db, scope: Scope) {
  const runs = await db.kysely
    .selectFrom('audit_runs')
    .select(['id', 'methodology_version'])
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  const latest = runs[0];
  const previous = runs.find(
    (r) => latest && r.id !== latest.id && r.methodology_version === latest.methodology_version,
  );
  if (!latest || !previous) return [];
  const rows = await db.kysely
    .selectFrom('audit_page_results')
    .innerJoin('pages', 'pages.id', 'audit_page_results.page_id')
    .select([
      'audit_page_results.run_id',
      'audit_page_results.page_id',
      'audit_page_results.level',
      'audit_page_results.total',
      'pages.url',
    ])
    .where('audit_page_results.run_id', 'in', [latest.id, previous.id])
    .where(inScope(scope, RESULT_COLUMNS))
    .execute();
  const before = new Map(rows.filter((r) => r.run_id === previous.id).map((r) => [r.page_id, r]));
  return rows
    .filter((r) => r.run_id === latest.id)
    .flatMap((now) => {
      const then = before.get(now.page_id);
      return then && then.level !== now.level && Number(now.total) < Number(then.total)
        ? [{ pageId: now.page_id, url: now.url, from: then.level, to: now.level }]
        : [];
    });
}

const RESULT_COLUMNS = {
  region: 'audit_page_results.region_code',
  municipality: 'audit_page_results.municipality_id',
  institution: 'audit_page_results.institution_id',
};
