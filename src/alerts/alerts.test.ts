// Alerts outside the app against a real local SMTP server (smtp-server) and a local webhook endpoint: an immediate
// alert for a threat and the daily digest reach the mailbox once each, also after the worker restarts; a webhook
// is delivered with a valid HMAC signature after its endpoint failed twice, with the attempts in the log.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../platform/secret-box.ts';
import { queueDailyDigest, queueImmediateAlerts } from './alerts.ts';
import { backoffSeconds, deliverDue, signBody } from './deliveries.ts';
import { sealWebhookSecret } from './webhook-secret.ts';

const box = new SecretBox(parseSecretKey(newSecretKeyText(), 'test'));

type Mail = { to: string; subject: string; raw: string };
const inbox: Mail[] = [];
let smtp: SMTPServer;
let smtpPort = 0;
const hooks: { body: string; signature: string | undefined }[] = [];
let failuresLeft = 2;
let hookServer: http.Server;
let hookUrl = '';

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/im.exec(raw)?.[1] ?? '';
        inbox.push({ to: session.envelope.rcptTo[0]?.address ?? '', subject, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  hookServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503).end();
        return;
      }
      hooks.push({ body, signature: req.headers['x-publica-signature'] as string | undefined });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => hookServer.close(() => resolve()));
});

/** A worker as it starts: its own SMTP connection, nothing in memory from the one before. */
function startWorker() {
  const mailer = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  // A restarted worker opens the sealed secrets with the same installation key.
  return { mailer, from: 'publica@example.org', secrets: box, close: () => mailer.close() };
}

describeEachDialect('alerts outside the app', (ctx) => {
  it('sends the immediate alert and the digest once each across a restart, and a signed webhook after two failures', async () => {
    inbox.length = 0;
    hooks.length = 0;
    failuresLeft = 2;
    const now = Date.parse('2026-12-02T09:00:00Z') / 1000;
    const db = ctx.db.kysely;
    await db
      .insertInto('regions')
      .values({
        code: '99',
        iso_code: 'RU-XX',
        name_ru: 'Тест',
        name_en: 'Test',
        capital_ru: 'Тест',
        timezone: 'Europe/Moscow',
      } as never)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const inst = await db
      .insertInto('institutions')
      .values({
        full_name: 'Школа № 1',
        short_name: 'Школа № 1',
        region_code: '99',
        kind: 'school',
        created_at: now,
        updated_at: now,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = await db
      .insertInto('pages')
      .values({
        platform: 'vk',
        url: 'https://vk.com/school1',
        institution_id: inst.id,
        status: 'active',
        external_id: 101,
        created_at: now,
        updated_at: now,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('comments')
      .values({
        page_id: page.id,
        post_vk_id: 1,
        vk_id: 7,
        from_id: 55,
        is_from_community: 0,
        is_deleted: 0,
        posted_at: now - 3600,
        text: 'Завтра принесу нож и разберусь с обидчиками',
        collected_at: now,
      } as never)
      .execute();
    const user = await db
      .insertInto('users')
      .values({
        login: 'operator',
        display_name: 'Оператор',
        role: 'region',
        region_code: '99',
        created_at: now,
        updated_at: now,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('alert_preferences')
      .values({ user_id: user.id, email: 'operator@example.org', immediate: 1, digest: 1 })
      .execute();
    await db
      .insertInto('alert_webhooks')
      .values({
        region_code: '99',
        url: hookUrl,
        secret: sealWebhookSecret(box, 'region-secret'),
        created_at: now,
      })
      .execute();
    const stored = await db.selectFrom('alert_webhooks').select('secret').executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain('region-secret');

    // First worker: queue and deliver.
    const first = startWorker();
    await queueImmediateAlerts(ctx.db, now);
    await queueDailyDigest(ctx.db, now, '2026-12-02');
    await deliverDue(ctx.db, first, now);
    first.close();
    // The worker restarts and runs the same pass again: nothing new is sent.
    const second = startWorker();
    expect(await queueImmediateAlerts(ctx.db, now + 60)).toBe(0);
    expect(await queueDailyDigest(ctx.db, now + 60, '2026-12-02')).toBe(0);
    await deliverDue(ctx.db, second, now + 60);
    expect(inbox.map((m) => m.to).sort()).toEqual(['operator@example.org', 'operator@example.org']);
    // Two different mails: the threat alert and the digest (their subjects differ).
    expect(new Set(inbox.map((m) => m.subject)).size).toBe(2);

    // The webhook failed at `now` and again at the restarted pass (now + 60); the next attempt waits for the
    // backoff after the second failure, and then gets through.
    expect(hooks).toEqual([]);
    await deliverDue(ctx.db, second, now + 60 + backoffSeconds(2) - 1);
    expect(hooks).toEqual([]);
    await deliverDue(ctx.db, second, now + 60 + backoffSeconds(2));
    second.close();
    expect(hooks).toHaveLength(1);
    const hook = hooks[0] as { body: string; signature: string };
    expect(hook.signature).toBe(signBody('region-secret', hook.body));
    const expected = `sha256=${crypto.createHmac('sha256', 'region-secret').update(hook.body).digest('hex')}`;
    expect(hook.signature).toBe(expected);
    expect(JSON.parse(hook.body)).toMatchObject({ event: 'threat', page: 'https://vk.com/school1' });
    const log = await db
      .selectFrom('alert_deliveries')
      .select(['channel', 'status', 'attempts'])
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { channel: 'email', status: 'sent', attempts: 1 },
      { channel: 'webhook', status: 'sent', attempts: 3 },
      { channel: 'email', status: 'sent', attempts: 1 },
    ]);
  });
});
