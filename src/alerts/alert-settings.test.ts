// Alert settings and the scheduled pass on both dialects: a person's own preferences; a region's webhooks kept
// to its operators (a foreign id gets the same answer as a missing one); the job's pass mails a threat once
// through a real local SMTP server by PUBLICA_SMTP_URL, and a second pass (a restarted worker) sends nothing.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.ts';
import { COUNTRY } from '../platform/scope.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../platform/secret-box.ts';
import {
  addWebhook,
  getPreferences,
  removePreferences,
  removeWebhook,
  setPreferences,
  webhookLog,
  webhooksOf,
} from './alert-settings.service.ts';
import { runAlertPass } from './alerts.job.ts';
import { openWebhookSecret } from './webhook-secret.ts';

const box = new SecretBox(parseSecretKey(newSecretKeyText(), 'test'));

import { queueDailyDigest } from './alerts.ts';

const mails: string[] = [];
let smtp: SMTPServer;
let smtpUrl = '';

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        mails.push(session.envelope.rcptTo[0]?.address ?? '');
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describeEachDialect('alert settings', (ctx) => {
  async function seed(now: number) {
    const db = ctx.db.kysely;
    for (const code of ['97', '98'])
      await db
        .insertInto('regions')
        .values({
          code,
          iso_code: `RU-X${code}`,
          name_ru: code,
          name_en: code,
          capital_ru: code,
          timezone: 'Europe/Moscow',
        } as never)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    const user = await db
      .insertInto('users')
      .values({
        login: 'op97',
        display_name: 'Оператор',
        role: 'region',
        region_code: '97',
        created_at: now,
        updated_at: now,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return user.id;
  }

  it("keeps a person's preferences and a region's webhooks to their owners", async () => {
    const now = 1_796_000_000;
    const userId = await seed(now);
    const op97 = { userId, scope: { level: 'region' as const, regionCode: '97' } };
    const op98 = { userId, scope: { level: 'region' as const, regionCode: '98' } };
    expect(await getPreferences(ctx.db, op97)).toBeNull();
    await setPreferences(ctx.db, op97, { email: ' op@example.org ', immediate: true, digest: false });
    expect(await getPreferences(ctx.db, op97)).toEqual({
      email: 'op@example.org',
      immediate: true,
      digest: false,
    });
    await removePreferences(ctx.db, op97);
    expect(await getPreferences(ctx.db, op97)).toBeNull();

    // Without the installation's key a webhook is refused and nothing is stored.
    await expect(
      addWebhook(ctx.db, op97, { regionCode: '97', url: 'https://example.org/hook' }, now, null),
    ).rejects.toThrow(/webhook secrets are stored sealed: set PUBLICA_SECRET_KEY/);
    expect(await webhooksOf(ctx.db, op97)).toEqual([]);
    const made = await addWebhook(
      ctx.db,
      op97,
      { regionCode: '97', url: 'https://example.org/hook' },
      now,
      box,
    );
    expect(made.secret.length).toBeGreaterThan(20);
    // Sealed at rest with the installation's key, and listed without it.
    const stored = await ctx.db.kysely
      .selectFrom('alert_webhooks')
      .select('secret')
      .executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(made.secret);
    expect(openWebhookSecret(box, stored.secret)).toBe(made.secret);
    expect(JSON.stringify(await webhooksOf(ctx.db, op97))).not.toContain(made.secret);
    await expect(
      addWebhook(ctx.db, op97, { regionCode: '98', url: 'https://example.org/x' }, now, box),
    ).rejects.toThrow('body.regionCode: no region 98 in your scope');
    expect((await webhooksOf(ctx.db, op98)).map((h) => h.id)).toEqual([]);
    expect((await webhooksOf(ctx.db, { userId, scope: COUNTRY })).map((h) => h.id)).toEqual([made.id]);
    // Another region's id and an id that does not exist get the same answer.
    await expect(removeWebhook(ctx.db, op98, made.id)).rejects.toThrow(`no webhook ${made.id} in your scope`);
    await expect(webhookLog(ctx.db, op98, made.id)).rejects.toThrow(`no webhook ${made.id} in your scope`);
    await expect(removeWebhook(ctx.db, op98, 999_999)).rejects.toThrow('no webhook 999999 in your scope');
    const municipal = {
      userId,
      scope: { level: 'municipality' as const, regionCode: '97', municipalityId: 1 },
    };
    await expect(webhooksOf(ctx.db, municipal)).rejects.toThrow(/regional and federal/);
    expect(await webhookLog(ctx.db, op97, made.id)).toEqual([]);
    await removeWebhook(ctx.db, op97, made.id);
    expect(await webhooksOf(ctx.db, op97)).toEqual([]);
  });

  it('mails a threat once through PUBLICA_SMTP_URL, also when the pass runs again after a restart', async () => {
    mails.length = 0;
    const now = 1_796_000_000;
    const userId = await seed(now);
    const db = ctx.db.kysely;
    const inst = await db
      .insertInto('institutions')
      .values({
        full_name: 'Школа № 7',
        short_name: 'Школа № 7',
        region_code: '97',
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
        url: 'https://vk.com/school7',
        institution_id: inst.id,
        status: 'active',
        external_id: 707,
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
        vk_id: 9,
        from_id: 5,
        is_from_community: 0,
        is_deleted: 0,
        posted_at: now - 600,
        text: 'Завтра принесу нож и разберусь с обидчиками',
        collected_at: now,
      } as never)
      .execute();
    await db
      .insertInto('alert_preferences')
      .values({ user_id: userId, email: 'op97@example.org', immediate: 1, digest: 0 })
      .execute();
    const config = { smtpUrl, from: 'publica@example.org', tz: 'Europe/Moscow' };
    expect(await runAlertPass(ctx.db, config, now)).toMatchObject({ queued: 1, sent: 1, failed: 0 });
    expect(await runAlertPass(ctx.db, config, now + 300)).toMatchObject({ queued: 0, sent: 0 });
    expect(mails).toEqual(['op97@example.org']);
  });

  it('names in the digest the pages that fell a level between the last two audits', async () => {
    const now = 1_796_000_000;
    const userId = await seed(now);
    const db = ctx.db.kysely;
    const page = async (url: string) => {
      const inst = await db
        .insertInto('institutions')
        .values({
          full_name: url,
          short_name: url,
          region_code: '97',
          kind: 'school',
          created_at: now,
          updated_at: now,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const p = await db
        .insertInto('pages')
        .values({
          platform: 'vk',
          url,
          institution_id: inst.id,
          status: 'active',
          created_at: now,
          updated_at: now,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      return { pageId: p.id, institutionId: inst.id };
    };
    const fell = await page('https://vk.com/fell');
    const rose = await page('https://vk.com/rose');
    const run = async () =>
      (
        await db
          .insertInto('audit_runs')
          .values({
            methodology_version: '2023.1',
            methodology_hash: 'h',
            period_start: 0,
            period_end: now,
            scope: 'all',
            status: 'done',
            started_at: now,
            finished_at: now,
            pages_total: 2,
            pages_done: 2,
            stats_json: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const result = (
      runId: number,
      p: { pageId: number; institutionId: number },
      level: string,
      total: number,
    ) =>
      db
        .insertInto('audit_page_results')
        .values({
          run_id: runId,
          page_id: p.pageId,
          institution_id: p.institutionId,
          region_code: '97',
          municipality_id: null,
          kind: 'school',
          total,
          level,
          categories_json: '{}',
          critical_failed: '',
          results_json: '{}',
        })
        .execute();
    const first = await run();
    await result(first, fell, 'active', 70);
    await result(first, rose, 'basic', 40);
    const second = await run();
    await result(second, fell, 'basic', 45);
    await result(second, rose, 'active', 72);
    await db
      .insertInto('alert_preferences')
      .values({ user_id: userId, email: 'op97@example.org', immediate: 0, digest: 1 })
      .execute();
    expect(await queueDailyDigest(ctx.db, now, '2026-12-03')).toBe(1);
    const body = (await db.selectFrom('alert_deliveries').select('body').executeTakeFirstOrThrow()).body;
    expect(body).toContain('Страницы, опустившиеся на уровень ниже: 1');
    expect(body).toContain('https://vk.com/fell: active → basic');
    expect(body).not.toContain('https://vk.com/rose:');
  });
});
