// Deliveries of alerts outside the app: each alert is a row claimed by its unique key before anything is sent, so
// an event is sent once per target even when the worker restarts; e-mail through SMTP (nodemailer), webhooks
// signed with HMAC-SHA256, failed attempts retried with exponential backoff; the rows are the delivery log.
import crypto from 'node:crypto';
import type { Db } from '../platform/db.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { openWebhookSecret } from './webhook-secret.ts';

export type Mailer = {
  sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
};
export type DeliveryDeps = {
  mailer: Mailer;
  from: string;
  fetch?: typeof fetch;
  /** Opens the webhooks' sealed secrets (the installation's key). */
  secrets: SecretBox | null;
};

export const MAX_ATTEMPTS = 6;
/** 30 s, 1 min, 2 min, 4 min… between attempts. */
export const backoffSeconds = (attempts: number) => 30 * 2 ** Math.max(0, attempts - 1);

export type AlertInput = {
  key: string;
  channel: 'email' | 'webhook';
  target: string;
  subject: string;
  body: string;
};

/** Claims an alert by its key; false when the same event was already queued for this target (nothing changes). */
export async function queueAlert(db: Db, alert: AlertInput, now: number): Promise<boolean> {
  const inserted = await db.kysely
    .insertInto('alert_deliveries')
    .values({
      dedupe_key: alert.key,
      channel: alert.channel,
      target: alert.target,
      subject: alert.subject,
      body: alert.body,
      status: 'pending',
      attempts: 0,
      next_at: now,
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The signature a receiver checks: hex HMAC-SHA256 of the raw body with the webhook's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Sends every pending delivery that is due; a failure is retried later with backoff, then given up. */
export async function deliverDue(
  db: Db,
  deps: DeliveryDeps,
  now: number,
): Promise<{ sent: number; failed: number }> {
  const due = await db.kysely
    .selectFrom('alert_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_at', '<=', now)
    .orderBy('id')
    .execute();
  let sent = 0;
  let failed = 0;
  for (const d of due) {
    try {
      if (d.channel === 'email') {
        await deps.mailer.sendMail({ from: deps.from, to: d.target, subject: d.subject, text: d.body });
      } else {
        const hook = await db.kysely
          .selectFrom('alert_webhooks')
          .select('secret')
          .where('url', '=', d.target)
          .executeTakeFirst();
        if (!hook) throw new Error(`no webhook ${d.target}`);
        const response = await (deps.fetch ?? fetch)(d.target, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-publica-signature': signBody(openWebhookSecret(deps.secrets, hook.secret), d.body),
            'x-publica-delivery': d.dedupe_key,
          },
          body: d.body,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      }
      await db.kysely
        .updateTable('alert_deliveries')
        .set({ status: 'sent', sent_at: now, attempts: d.attempts + 1, last_error: null })
        .where('id', '=', d.id)
        .execute();
      sent++;
    } catch (error) {
      const attempts = d.attempts + 1;
      await db.kysely
        .updateTable('alert_deliveries')
        .set({
          attempts,
          last_error: (error as Error).message.slice(0, 500),
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          next_at: now + backoffSeconds(attempts),
        })
        .where('id', '=', d.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}
