import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { pageReport, runAudit } from '../audit/index.ts';
import { loadVersion } from '../methodology/index.ts';
import { COUNTRY } from '../platform/scope.ts';
import { importRegistryFile } from '../registry/index.ts';
import {
  buildVkSim,
  generateWorld,
  readWorld,
  type VkSim,
  WORLD_FILES,
  wallOf,
  writeWorld,
} from '../vk-sim/index.ts';
import { collect } from './collect.service.ts';
import { readPosts } from './snapshot-read.repo.ts';

const world = generateWorld({ institutions: 40, regions: 1, seed: 7, asOf: '2026-11-29', days: 30 });
const open = world.communities.find(
  (c) =>
    c.registry_url !== null &&
    !c.deactivated &&
    c.is_closed === 0 &&
    c.wall === 1 &&
    wallOf(c, world.meta).comments.some((x) => !x.deleted && x.thread_root === null),
);
const withAddress = world.communities.find(
  (c) => c.registry_url !== null && !c.deactivated && c.is_closed === 0 && c.address && c.opening_hours,
);
const TOKENS = [{ token: 'u1', kind: 'user' as const, perSecond: 500 }];
const FIRST = new Date('2026-11-29T00:00:00Z');
const SECOND = new Date('2026-11-29T06:00:00Z');

let sim: VkSim;
let baseUrl: string;
let dir: string;

beforeEach(async () => {
  dir = tempDir();
  writeWorld(dir, world);
  sim = await buildVkSim({ world: readWorld(dir), tokens: TOKENS });
  baseUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(() => sim.app.close());

describeEachDialect('collecting what VK really shows', (ctx) => {
  beforeEach(async () => {
    await importRegistryFile(ctx.db, path.join(dir, WORLD_FILES.registry));
  });

  const post = (extra: { from_id?: number; live_upcoming?: boolean; poll?: number; live?: number }) => ({
    date: Math.floor(FIRST.getTime() / 1000) + 3600,
    text: 'Новость',
    attachments: { ...(extra.poll ? { poll: extra.poll } : {}), ...(extra.live ? { live: extra.live } : {}) },
    likes: 0,
    reposts: 0,
    views: 10,
    comments: 0,
    is_pinned: false,
    marked_as_ads: false,
    copy_of: null,
    comments_closed: false,
    ...(extra.from_id ? { from_id: extra.from_id } : {}),
    ...(extra.live_upcoming ? { live_upcoming: true } : {}),
  });

  it("keeps a visitor's post and an announced broadcast but counts neither; marks a comment deleted on VK as gone", async () => {
    if (!open) throw new Error('the world has no open wall with comments');
    await collect(ctx.db, { baseUrl, tokens: TOKENS, now: () => FIRST });
    const page = await ctx.db.kysely
      .selectFrom('pages')
      .select('id')
      .where('external_id', '=', open.id)
      .executeTakeFirstOrThrow();
    const gone = wallOf(open, world.meta).comments.find((x) => !x.deleted && x.thread_root === null);
    if (!gone) throw new Error('no comment to delete');
    const before = await ctx.db.kysely
      .selectFrom('comments')
      .select(['text', 'is_deleted'])
      .where('page_id', '=', page.id)
      .where('vk_id', '=', gone.id)
      .executeTakeFirstOrThrow();
    expect(before.is_deleted).toBe(0);

    const visitorPost = sim.world.addPost(open.id, post({ from_id: 4242, poll: 1 }));
    const announced = sim.world.addPost(open.id, post({ live: 1, live_upcoming: true }));
    const held = sim.world.addPost(open.id, post({ live: 1 }));
    sim.world.removeComment(open.id, gone.id);
    const report = await collect(ctx.db, { baseUrl, tokens: TOKENS, now: () => SECOND });
    expect(report.vanished).toBe(1);

    const rows = await ctx.db.kysely
      .selectFrom('posts')
      .select(['vk_id', 'from_id', 'is_visitor', 'polls', 'lives'])
      .where('page_id', '=', page.id)
      .where('vk_id', 'in', [visitorPost, announced, held])
      .orderBy('vk_id')
      .execute();
    expect(rows).toEqual([
      { vk_id: visitorPost, from_id: 4242, is_visitor: 1, polls: 1, lives: 0 },
      { vk_id: announced, from_id: -open.id, is_visitor: 0, polls: 0, lives: 0 },
      { vk_id: held, from_id: -open.id, is_visitor: 0, polls: 0, lives: 1 },
    ]);
    // The audit's input: the community's own posts only.
    const judged = await readPosts(ctx.db, [page.id], { start: 0, end: 2e9 });
    expect(judged.map((p) => p.vk_id)).not.toContain(visitorPost);
    expect(judged.map((p) => p.vk_id)).toContain(held);

    const after = await ctx.db.kysely
      .selectFrom('comments')
      .select(['text', 'is_deleted', 'deleted_at'])
      .where('page_id', '=', page.id)
      .where('vk_id', '=', gone.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ text: before.text, is_deleted: 1, deleted_at: SECOND.getTime() / 1000 });

    // A third collection finds it still gone and keeps the time it was first found gone.
    const third = await collect(ctx.db, {
      baseUrl,
      tokens: TOKENS,
      now: () => new Date('2026-11-29T12:00:00Z'),
    });
    expect(third.vanished).toBe(0);
    const still = await ctx.db.kysely
      .selectFrom('comments')
      .select('deleted_at')
      .where('page_id', '=', page.id)
      .where('vk_id', '=', gone.id)
      .executeTakeFirstOrThrow();
    expect(still.deleted_at).toBe(SECOND.getTime() / 1000);
  });

  it('reads the addresses block, its hours and phone with groups.getAddresses, checks the menu OGRN against the registry, and counts no widget of another organisation', async () => {
    if (!withAddress) throw new Error('the world has no listed page with an address and hours');
    const institution = world.institutions.find((i) => i.inn === withAddress.inn);
    if (!institution) throw new Error('no institution');
    const other = `${institution.ogrn.slice(0, 12)}${(Number(institution.ogrn.at(-1)) + 1) % 10}`;
    const simCommunity = sim.world.byId.get(withAddress.id);
    if (!simCommunity) throw new Error('no community in the simulator');
    simCommunity.menu = {
      items: [
        { id: 1, title: 'Обращения', url: `https://pos.gosuslugi.ru/form/?ogrn=${institution.ogrn}` },
        { id: 2, title: 'Опросы', url: `https://pos.gosuslugi.ru/og/polls?ogrn=${other}` },
      ],
    };
    await collect(ctx.db, { baseUrl, tokens: TOKENS, now: () => FIRST });
    const snapshot = await ctx.db.kysely
      .selectFrom('page_snapshots')
      .innerJoin('pages', 'pages.id', 'page_snapshots.page_id')
      .select(['addresses_json', 'menu_widgets_json', 'sources_json', 'phone'])
      .where('pages.external_id', '=', withAddress.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(snapshot.addresses_json ?? 'null')).toMatchObject({
      address: withAddress.address,
      // The world's "пн–пт 8:00–17:00", as VK's week of minutes turns it back into text.
      timetable: 'пн–пт 08:00–17:00',
    });
    expect(JSON.parse(snapshot.menu_widgets_json ?? 'null')).toEqual([
      {
        url: `https://pos.gosuslugi.ru/form/?ogrn=${institution.ogrn}`,
        ogrn: institution.ogrn,
        matchesRegistry: true,
      },
      { url: `https://pos.gosuslugi.ru/og/polls?ogrn=${other}`, ogrn: other, matchesRegistry: false },
    ]);
    expect(JSON.parse(snapshot.sources_json ?? '{}')).toMatchObject({
      address: 'vk:groups.getAddresses.address',
      timetable: 'vk:groups.getAddresses.timetable',
      menuWidgets: 'vk:groups.getById.menu',
      menuOgrn: 'vk:groups.getById.menu+registry.ogrn',
    });
    // Judged: the polls widget of another organisation is shown with its OGRN and the menu as source, and does
    // not count as this page's widget (one of two: a warning, not a pass).
    const end = Math.floor(FIRST.getTime() / 1000);
    const run = await runAudit(ctx.db, {
      version: loadVersion('2023.1'),
      period: { start: end - 30 * 86_400, end },
      workers: 1,
      now: FIRST,
    });
    const { id: pageId } = await ctx.db.kysely
      .selectFrom('pages')
      .select('id')
      .where('external_id', '=', withAddress.id)
      .executeTakeFirstOrThrow();
    const report = await pageReport(ctx.db, COUNTRY, pageId, 'ru', run.runId);
    expect(report.rules.find((r) => r.id === 'feedback-widgets')).toMatchObject({
      status: 'warn',
      value: 1,
      evidence: [
        { type: 'field', name: 'widgets', value: 1 },
        { type: 'field', name: 'widget_other_ogrn', value: other },
      ],
      source: { source: 'vk-menu', text: expect.stringContaining('меню сообщества ВКонтакте') },
    });
  });
});
