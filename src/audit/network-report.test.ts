// The report card of an OK group and a MAX channel, on both dialects: collected from the simulators over HTTP,
// the card shows the network's facts with their source, judges the rules that apply on that network, says "not
// applicable" (never fail) for rules that need VK-only data, and rolls the institution up (VK and OK required).
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import {
  csvText,
  innFor,
  schoolInstitutions,
  schoolLine,
  virtualClock,
  writeFile,
} from '../../test/factories.ts';
import { buildMaxSim, buildOkSim, generateNetWorld, type MaxSim, type OkSim } from '../net-sim/index.ts';
import { collectMaxPages, collectOkPages, MaxClient, OkClient } from '../networks/index.ts';
import { COUNTRY } from '../platform/scope.ts';
import { importRegistryFile } from '../registry/index.ts';
import { networkPageReport } from './network-report.service.ts';

const N = 12;
const world = generateNetWorld(schoolInstitutions(N), {
  seed: 5,
  asOf: '2026-11-29',
  days: 45,
  okShare: 1,
  maxShare: 1,
});
const since = Math.floor(world.asOfMs / 1000) - 45 * 86_400 - 60;
const clock = virtualClock(world.asOfMs);
const APP = { key: 'KEY', secret: 'SECRET' };
let ok: OkSim;
let max: MaxSim;
let okUrl: string;
let maxUrl: string;
beforeAll(async () => {
  ok = await buildOkSim({ world, app: APP, now: clock.now, tokens: [{ token: 'tok', perSecond: 5 }] });
  okUrl = await ok.app.listen({ port: 0, host: '127.0.0.1' });
  max = await buildMaxSim({
    world,
    now: clock.now,
    bots: [{ token: 'bot', userId: 1, channels: world.max.map((c) => c.chat_id), perSecond: 30 }],
  });
  maxUrl = await max.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await ok.app.close();
  await max.app.close();
});

const VK_ONLY = ['state-mark', 'gospubliki-connected', 'feedback-widgets', 'two-factor', 'no-ads'];

describeEachDialect('the report card of an OK group and a MAX channel', (ctx) => {
  beforeEach(async () => {
    await clock.sleep(2000);
    const lines = Array.from({ length: N }, (_, i) => {
      const inn = innFor(i + 1);
      return schoolLine(i + 1, {
        ok_url: world.ok.find((g) => g.inn === inn)?.registry_url ?? '',
        max_url: world.max.find((c) => c.inn === inn)?.registry_url ?? '',
        // Every other school has no VK page: it misses the legal duty however good its OK group is.
        vk_url: i % 2 ? '' : `https://vk.com/club${1000 + i}`,
      });
    });
    await importRegistryFile(ctx.db, writeFile(tempDir(), 'r.csv', csvText(lines)));
    const okClient = new OkClient(
      { applicationKey: APP.key, applicationSecretKey: APP.secret, accessToken: 'tok' },
      { baseUrl: okUrl, perSecond: 5, ...clock },
    );
    await collectOkPages(ctx.db, okClient, { sinceSec: since, now: clock.now });
    await collectMaxPages(ctx.db, new MaxClient('bot', { baseUrl: maxUrl, ...clock }), {
      sinceSec: since,
      now: clock.now,
    });
  });

  const pageOf = async (platform: 'ok' | 'max' | 'vk', inn: string) =>
    ctx.db.kysely
      .selectFrom('pages')
      .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
      .select(['pages.id'])
      .where('pages.platform', '=', platform)
      .where('institutions.inn', '=', inn)
      .executeTakeFirstOrThrow();

  it('an OK group: facts with their OK source, OK rules judged, VK-only rules not applicable', async () => {
    const group = world.ok.find((g) => g.registry_url && g.access_type === 'OPEN' && g.topics.length > 0);
    if (!group) throw new Error('the world has no open OK group with topics');
    const page = await pageOf('ok', group.inn);
    const card = await networkPageReport(ctx.db, COUNTRY, page.id, 'en', clock.now);
    expect(card.network).toBe('ok');
    const avatar = card.facts.find((f) => f.fact === 'hasAvatar');
    expect(avatar).toMatchObject({
      value: group.has_avatar,
      source: expect.stringMatching(/^ok:group\.getInfo\./),
    });
    expect(card.rules.find((r) => r.id === 'avatar')).toMatchObject({
      applies: true,
      status: group.has_avatar ? 'pass' : 'fail',
    });
    for (const id of VK_ONLY) {
      const rule = card.rules.find((r) => r.id === id);
      if (!rule) continue;
      expect(rule).toMatchObject({ applies: false, status: 'na', why: 'The rule reads data only VK gives' });
    }
    expect(card.rules.filter((r) => !r.applies).every((r) => r.status === 'na')).toBe(true);
    expect(card.rules.some((r) => r.applies && r.id === 'answer-rate')).toBe(true);
    expect(card.total).not.toBeNull();
    expect(card.institution?.required).toEqual(['vk', 'ok']);
    expect(card.institution?.present.ok).toBe(true);
  });

  it('a MAX channel: its facts from the Bot API, comment rules not applicable, never failed', async () => {
    const channel = world.max.find((c) => c.registry_url && c.messages.length > 0);
    if (!channel) throw new Error('the world has no MAX channel with posts');
    const page = await pageOf('max', channel.inn);
    const card = await networkPageReport(ctx.db, COUNTRY, page.id, 'ru', clock.now);
    expect(card.network).toBe('max');
    expect(card.facts.find((f) => f.fact === 'hasAvatar')).toMatchObject({
      value: channel.has_icon,
      source: expect.stringMatching(/^max:/),
    });
    for (const id of [...VK_ONLY, 'answer-rate', 'answer-time', 'er-views']) {
      const rule = card.rules.find((r) => r.id === id);
      if (rule) expect(rule).toMatchObject({ applies: false, status: 'na' });
    }
    expect(card.rules.find((r) => r.id === 'answer-rate')?.why).toBe(
      'Bot API MAX не отдаёт эти данные канала',
    );
    expect(card.rules.find((r) => r.id === 'last-post')).toMatchObject({ applies: true, status: 'pass' });
  });

  it('rolls the institution up: the legal duty needs VK and OK, MAX is not required', async () => {
    // Schools at an even index keep their VK page; both picked have an OK group and a MAX channel listed.
    const listed = (i: number) =>
      world.ok.some((g) => g.inn === innFor(i + 1) && g.registry_url) &&
      world.max.some((c) => c.inn === innFor(i + 1) && c.registry_url);
    const indexes = Array.from({ length: N }, (_, i) => i).filter(listed);
    const withVk = innFor((indexes.find((i) => i % 2 === 0) ?? -1) + 1);
    const withoutVk = innFor((indexes.find((i) => i % 2 === 1) ?? -1) + 1);
    const a = await networkPageReport(ctx.db, COUNTRY, (await pageOf('ok', withVk)).id, 'en', clock.now);
    const b = await networkPageReport(ctx.db, COUNTRY, (await pageOf('ok', withoutVk)).id, 'en', clock.now);
    expect(a.institution).toMatchObject({ present: { vk: true, ok: true, max: true }, meetsLegalDuty: true });
    expect(b.institution).toMatchObject({
      present: { vk: false, ok: true, max: true },
      meetsLegalDuty: false,
    });
  });

  it('refuses a VK page (its card is the audit’s) and a page outside the scope', async () => {
    const vk = await pageOf('vk', innFor(1));
    await expect(networkPageReport(ctx.db, COUNTRY, vk.id, 'en')).rejects.toThrow(/is on vk/);
    const group = world.ok.find((g) => g.registry_url);
    const ok = await pageOf('ok', group?.inn ?? '');
    await expect(
      networkPageReport(ctx.db, { level: 'region', regionCode: '50' }, ok.id, 'en'),
    ).rejects.toThrow(/no page/);
  });
});
