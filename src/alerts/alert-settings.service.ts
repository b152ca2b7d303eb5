// Alert settings people change: their own e-mail preferences, and a region's webhooks (for those who manage a
// region or the country; a webhook outside the caller's region is answered like one that does not exist).
import crypto from 'node:crypto';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import {
  deletePreferences,
  deleteWebhook,
  findPreferences,
  findWebhook,
  insertWebhook,
  listWebhooks,
  regionExists,
  savePreferences,
  webhookDeliveries,
} from './alerts.repo.ts';
import { sealWebhookSecret } from './webhook-secret.ts';

type Caller = { userId: number; scope: Scope };

export async function getPreferences(db: Db, caller: Caller) {
  const row = await findPreferences(db, caller.userId);
  return row ? { email: row.email, immediate: row.immediate === 1, digest: row.digest === 1 } : null;
}

export async function setPreferences(
  db: Db,
  caller: Caller,
  prefs: { email: string; immediate: boolean; digest: boolean },
): Promise<void> {
  await savePreferences(db, { userId: caller.userId, ...prefs, email: prefs.email.trim() });
}

export async function removePreferences(db: Db, caller: Caller): Promise<void> {
  await deletePreferences(db, caller.userId);
}

/** The region whose webhooks the caller manages: theirs, or any for the country (null: all). */
function webhookRegion(scope: Scope): string | null {
  if (scope.level === 'country') return null;
  if (scope.level === 'region') return scope.regionCode;
  throw new AppError('FORBIDDEN', "webhooks are a region's: only regional and federal operators manage them");
}

export async function webhooksOf(db: Db, caller: Caller) {
  const rows = await listWebhooks(db, webhookRegion(caller.scope));
  return rows.map((r) => ({ id: r.id, regionCode: r.region_code, url: r.url, createdAt: r.created_at }));
}

export async function addWebhook(
  db: Db,
  caller: Caller,
  input: { regionCode: string; url: string },
  now: number,
  secrets: SecretBox | null,
) {
  const region = webhookRegion(caller.scope);
  if (region !== null && region !== input.regionCode)
    throw notFound('region', input.regionCode, 'body.regionCode');
  if (!(await regionExists(db, input.regionCode)))
    throw notFound('region', input.regionCode, 'body.regionCode');
  const url = new URL(input.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AppError('VALIDATION', 'body.url: an http or https address');
  // Shown once: the receiver checks x-publica-signature (sha256=HMAC of the body) with it. Stored sealed.
  const secret = crypto.randomBytes(24).toString('base64url');
  const sealed = sealWebhookSecret(secrets, secret);
  const id = await insertWebhook(db, {
    regionCode: input.regionCode,
    url: url.toString(),
    secret: sealed,
    at: now,
  });
  return { id, regionCode: input.regionCode, url: url.toString(), secret };
}

async function ownWebhook(db: Db, caller: Caller, id: number) {
  const region = webhookRegion(caller.scope);
  const hook = await findWebhook(db, id);
  if (!hook || (region !== null && hook.region_code !== region)) throw notFound('webhook', id);
  return hook;
}

export async function removeWebhook(db: Db, caller: Caller, id: number): Promise<void> {
  await ownWebhook(db, caller, id);
  await deleteWebhook(db, id);
}

export async function webhookLog(db: Db, caller: Caller, id: number) {
  const hook = await ownWebhook(db, caller, id);
  return (await webhookDeliveries(db, [hook.url], 100)).map((d) => ({
    id: d.id,
    subject: d.subject,
    status: d.status,
    attempts: d.attempts,
    lastError: d.last_error,
    createdAt: d.created_at,
    sentAt: d.sent_at,
  }));
}
