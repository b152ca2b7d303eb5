// One draft to VK, OK and MAX, once each, through the scheduled planner.publish-due job under injected faults,
// on both dialects with the three simulators over HTTP: VK answers 5xx and cut JSON (its guid makes a repeated wall.post the same post); OK's mediatopic.post
// times out, answers 5xx, then makes the topic and loses the answer; MAX does the same to POST /messages.
// Neither OK nor MAX takes an idempotency key, so a retry reads the page back before posting again.
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { permissionsOf } from '../auth/index.ts';
import { loadWorld } from '../collect/index.ts';
import {
  buildMaxSim,
  buildOkSim,
  generateNetWorld,
  type MaxSim,
  type OkSim,
  scriptedFaults,
} from '../net-sim/index.ts';
import { MaxClient, OkClient } from '../networks/index.ts';
import { COUNTRY } from '../platform/scope.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../platform/secret-box.ts';
import { addVkToken } from '../vk/index.ts';
import { buildVkSim, generateWorld, readWorld, type VkSim, writeWorld } from '../vk-sim/index.ts';
import { approveDraft, createDraft } from './drafts.service.ts';
import { adaptDraft, publishToNetworks } from './network-publish.service.ts';
import { draftDetail } from './plan.service.ts';
import { PLANNER_PUBLISH, plannerJobs } from './planner-jobs.ts';

const world = generateWorld({ institutions: 8, regions: 1, seed: 21, asOf: '2026-11-29', days: 7 });
const live = world.communities.filter((c) => !c.deactivated);
const net = generateNetWorld(
  world.institutions.map((i) => ({ inn: i.inn, short_name: i.short_name ?? 'Школа', region_code: '77' })),
  { seed: 8, asOf: '2026-11-29', days: 20, okShare: 1, maxShare: 1 },
);
const box = new SecretBox(parseSecretKey(newSecretKeyText(), 'test'));
const federal = { userId: null, scope: COUNTRY, permissions: permissionsOf('federal') };
const APP = { key: 'KEY', secret: 'SECRET' };
const T0 = Math.floor(Date.now() / 1000) + 60;
let clock = T0 * 1000;
const clocks = {
  now: () => clock,
  sleep: async (ms: number) => {
    clock += ms;
  },
};
let dir: string;
let vk: VkSim;
let ok: OkSim;
let max: MaxSim;
const urls = { vk: '', ok: '', max: '' };

beforeAll(() => {
  dir = tempDir();
  writeWorld(dir, world);
});
beforeEach(async () => {
  clock = T0 * 1000;
  vk = await buildVkSim({
    world: readWorld(dir),
    now: clocks.now,
    faults: { http5xx: 0.35, truncated: 0.25, seed: 5 },
    tokens: live.map((c) => ({ token: `community-${c.id}`, kind: 'community' as const, groupId: c.id })),
  });
  const fresh = structuredClone(net);
  ok = await buildOkSim({
    world: fresh,
    app: APP,
    now: clocks.now,
    tokens: [{ token: 'admin', perSecond: 5, canPublish: true }],
    faults: scriptedFaults({ 'mediatopic.post': ['timeout', 'http5xx', 'lost-answer'] }, 3000),
  });
  max = await buildMaxSim({
    world: fresh,
    now: clocks.now,
    bots: [{ token: 'bot', userId: 1, channels: 'all', perSecond: 30 }],
    faults: scriptedFaults({ 'POST /messages': ['http5xx', 'timeout', 'lost-answer'] }, 3000),
  });
  urls.vk = await vk.app.listen({ port: 0, host: '127.0.0.1' });
  urls.ok = await ok.app.listen({ port: 0, host: '127.0.0.1' });
  urls.max = await max.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await Promise.all([vk.app.close(), ok.app.close(), max.app.close()]);
});

it('adapts a poll to each network: OK takes the poll, MAX the question and options written out', () => {
  const draft = {
    kind: 'poll',
    text: 'Выберите время собрания',
    rubric: 'опрос',
    content_json: JSON.stringify({ poll: { question: 'Когда?', options: ['В среду', 'В пятницу'] } }),
  };
  expect(adaptDraft(draft, 'ok')).toEqual({
    text: 'Выберите время собрания\n\n#опрос',
    poll: { question: 'Когда?', answers: ['В среду', 'В пятницу'], multiple: false },
  });
  expect(adaptDraft(draft, 'max')).toEqual({
    text: 'Выберите время собрания\n\n#опрос\n\nКогда?\n— В среду\n— В пятницу',
  });
  const long = adaptDraft({ ...draft, kind: 'text', text: 'а'.repeat(5000), content_json: '{}' }, 'max');
  expect(long.text).toHaveLength(4000);
});

describeEachDialect('one draft to VK, OK and MAX under faults', (ctx) => {
  beforeEach(async () => {
    await loadWorld(ctx.db, dir);
  });

  it('goes out once to each network, with each network’s status', async () => {
    const community = live[0];
    if (!community) throw new Error('no live community');
    const page = await ctx.db.kysely
      .selectFrom('pages')
      .select(['id', 'institution_id'])
      .where('platform', '=', 'vk')
      .where('external_id', '=', community.id)
      .executeTakeFirstOrThrow();
    const inn = world.communities.find((c) => c.id === community.id)?.inn;
    const group = net.ok.find((g) => g.inn === inn);
    const channel = net.max.find((c) => c.inn === inn);
    if (!group || !channel) throw new Error('the institution has no OK group or MAX channel');
    for (const [platform, externalId] of [
      ['ok', Number(group.uid)],
      ['max', channel.chat_id],
    ] as const)
      await ctx.db.kysely
        .insertInto('pages')
        .values({
          institution_id: page.institution_id,
          platform,
          external_id: externalId,
          url: platform === 'ok' ? `https://ok.ru/group/${group.uid}` : channel.link,
          screen_name: null,
          status: 'active',
          created_at: T0,
          updated_at: T0,
        })
        .execute();
    await addVkToken(
      ctx.db,
      box,
      { label: 'page', token: `community-${community.id}`, kind: 'community', pageId: page.id },
      0,
    );
    const text = 'Родительское собрание в пятницу в 18:00.';
    const id = await createDraft(
      ctx.db,
      federal,
      page.id,
      { kind: 'text', title: 'Собрание', text, rubric: 'новости', content: {} },
      T0,
    );
    await approveDraft(ctx.db, federal, id, T0, T0);

    const clients = {
      ok: new OkClient(
        { applicationKey: APP.key, applicationSecretKey: APP.secret, accessToken: 'admin' },
        { baseUrl: urls.ok, timeoutMs: 2000, ...clocks },
      ),
      max: new MaxClient('bot', { baseUrl: urls.max, timeoutMs: 2000, ...clocks }),
    };
    const vkPublishing = { baseUrl: urls.vk, secrets: box };
    // The scheduler's job, as it runs every quarter minute: VK first, then the draft's OK and MAX posts.
    const job = plannerJobs(ctx.db, vkPublishing, { networks: clients, clock: clocks.now }).find(
      (d) => d.queue === PLANNER_PUBLISH,
    );
    if (!job) throw new Error('no publish job');
    const run = () =>
      job.handler({
        id: `run-${clock}`,
        queue: PLANNER_PUBLISH,
        data: {},
        retryCount: 0,
        progress: async () => {},
      });
    let passes = 0;
    for (; passes < 12; passes++) {
      await run();
      const detail = await draftDetail(ctx.db, federal, id, Math.floor(clock / 1000));
      const networksDone =
        detail.networks.length === 2 && detail.networks.every((n) => n.status === 'published');
      if (detail.status === 'published' && networksDone) break;
      clock += 120_000;
    }
    expect(passes).toBeGreaterThan(1);
    const message = `${text}\n\n#новости`;
    // VK: one post on the wall.
    const onWall = vk.world.wall(community.id).posts.filter((p) => p.text === message);
    expect(onWall).toHaveLength(1);
    // OK: one topic, though the post call was answered once with 5xx, once never, and once made but lost.
    expect(ok.published.filter((t) => t.text === message)).toHaveLength(1);
    // MAX: one message likewise.
    expect(max.published.filter((m) => m.message.text === message)).toHaveLength(1);
    // Runs after the draft is out post nothing more.
    await run();
    clock += 120_000;
    await run();
    expect(ok.published.filter((t) => t.text === message)).toHaveLength(1);
    expect(max.published.filter((m) => m.message.text === message)).toHaveLength(1);
    // Each network's status, as the planner's API gives it to the editor.
    const detail = await draftDetail(ctx.db, federal, id, Math.floor(clock / 1000));
    expect(detail.networks.map((n) => [n.network, n.status, n.attempts, n.error])).toEqual([
      ['max', 'published', 3, null],
      ['ok', 'published', 3, null],
    ]);
    const rows = await publishToNetworks(ctx.db, id, clients, clocks.now);
    expect(rows.map((r) => [r.network, r.status, r.attempts])).toEqual([
      ['max', 'published', 3],
      ['ok', 'published', 3],
    ]);
    expect(rows.find((r) => r.network === 'ok')?.external_id).toBe(ok.published[0]?.id);
    expect(rows.find((r) => r.network === 'max')?.external_id).toBe(max.published[0]?.message.mid);
  }, 60_000);
});
