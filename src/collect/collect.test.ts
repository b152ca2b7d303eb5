import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import type { Db } from '../platform/db.ts';
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

const world = generateWorld({ institutions: 160, regions: 2, seed: 21, asOf: '2026-11-29', days: 60 });
const registered = world.communities.filter((c) => c.registry_url !== null);
const readable = registered.filter((c) => !c.deactivated && c.is_closed === 0);
const expected = {
  // Pinned posts are re-read on every visit and not counted as new.
  posts: readable.reduce((s, c) => s + wallOf(c, world.meta).posts.filter((p) => !p.is_pinned).length, 0),
  comments: readable.reduce((s, c) => s + wallOf(c, world.meta).comments.filter((x) => !x.deleted).length, 0),
};
const SPARE = { token: 'u3', kind: 'user' as const, perSecond: 200 };
const TOKENS = [
  { token: 'u1', kind: 'user' as const, perSecond: 200 },
  { token: 'u2', kind: 'user' as const, perSecond: 200 },
  { token: 's1', kind: 'service' as const, perSecond: 200 },
];

let dir: string;
let sim: VkSim;
let baseUrl: string;

beforeAll(async () => {
  dir = tempDir();
  writeWorld(dir, world);
  // The simulator outlives many collections here: generous quotas, so a test is not cut by the day's budget.
  const quota = { 'wall.get': 1e6, 'wall.getComments': 1e6, 'wall.getById': 1e6 };
  sim = await buildVkSim({
    world: readWorld(dir),
    tokens: [...TOKENS, SPARE].map((t) => ({ ...t, dailyQuota: quota })),
  });
  baseUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => sim.app.close());

async function stored(db: Db) {
  const posts = await db.kysely
    .selectFrom('posts')
    .innerJoin('pages', 'pages.id', 'posts.page_id')
    .select(['pages.external_id', 'posts.vk_id'])
    .execute();
  const comments = await db.kysely
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .select(['pages.external_id', 'comments.vk_id'])
    .where('comments.is_deleted', '=', 0)
    .execute();
  const key = (r: { external_id: number | null; vk_id: number }) => `${r.external_id}_${r.vk_id}`;
  return { posts: posts.map(key).sort(), comments: comments.map(key).sort() };
}

function worldKeys() {
  const posts = readable.flatMap((c) => wallOf(c, world.meta).posts.map((p) => `${c.id}_${p.id}`)).sort();
  const comments = readable
    .flatMap((c) =>
      wallOf(c, world.meta)
        .comments.filter((x) => !x.deleted)
        .map((x) => `${c.id}_${x.id}`),
    )
    .sort();
  return { posts, comments };
}

describeEachDialect('collector', (ctx) => {
  beforeEach(async () => {
    await sim.app.inject({ method: 'POST', url: '/admin/faults', payload: {} });
    await importRegistryFile(ctx.db, path.join(dir, WORLD_FILES.registry));
  });

  it("collects every registered page's posts and comments exactly as the world has them", async () => {
    const report = await collect(ctx.db, {
      baseUrl,
      tokens: TOKENS,
      now: () => new Date('2026-11-29T00:00:00Z'),
    });
    expect(report).toMatchObject({ pages: registered.length, posts: expected.posts });
    expect(await stored(ctx.db)).toEqual(worldKeys());
    const statuses = await ctx.db.kysely.selectFrom('pages').select(['external_id', 'status']).execute();
    const closed = registered.find((c) => c.is_closed === 1);
    if (closed) expect(statuses.find((s) => s.external_id === closed.id)?.status).toBe('closed');
  });

  it('a second run reads only what is new and stores nothing twice', async () => {
    const now = () => new Date('2026-11-29T00:00:00Z');
    await collect(ctx.db, { baseUrl, tokens: TOKENS, now });
    const first = await stored(ctx.db);
    const again = await collect(ctx.db, { baseUrl, tokens: TOKENS, now });
    expect(again.posts).toBe(0);
    expect(again.requests).toBeLessThan(first.posts.length / 4);
    expect(await stored(ctx.db)).toEqual(first);
  });

  it('ends with exact data under 5xx, timeouts, truncated bodies and error 6/9/10 storms', async () => {
    await sim.app.inject({
      method: 'POST',
      url: '/admin/faults',
      payload: { http5xx: 0.1, truncated: 0.1, errors: { '6': 0.1, '9': 0.05, '10': 0.05 }, seed: 5 },
    });
    const report = await collect(ctx.db, {
      baseUrl,
      tokens: TOKENS,
      now: () => new Date('2026-11-29T00:00:00Z'),
    });
    expect(Object.keys(report.errors).length).toBeGreaterThan(0);
    expect(await stored(ctx.db)).toEqual(worldKeys());
  });

  it('survives kill -9 at several points: the next run ends with every post and comment once', async () => {
    const bin = path.resolve(import.meta.dirname, '../../bin/publica.js');
    const args = [
      '--db',
      ctx.url,
      'collect',
      '--vk',
      baseUrl,
      '--token',
      'user:u1:15',
      '--token',
      'user:u2:15',
      '--json',
    ];
    // At 30 requests a second the whole collection takes ~5 s after a ~1 s start: each kill lands mid-run.
    for (const [i, delay] of [2000, 1800, 1800].entries()) {
      const child = spawn(process.execPath, [bin, ...args], { stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      if (i > 0) continue;
      // The first kill left work undone (comments take most of the requests); nothing stored is doubled.
      const partial = await stored(ctx.db);
      expect(partial.comments.length).toBeLessThan(worldKeys().comments.length);
      expect(new Set(partial.comments).size).toBe(partial.comments.length);
    }
    const runs = await ctx.db.kysely.selectFrom('collection_runs').select('status').execute();
    expect(runs.filter((r) => r.status === 'running').length).toBeGreaterThan(0);
    await collect(ctx.db, { baseUrl, tokens: TOKENS, now: () => new Date('2026-11-29T00:00:00Z') });
    expect(await stored(ctx.db)).toEqual(worldKeys());
  });

  it('goes on when a token is revoked and a community deleted mid-run', async () => {
    const victim = readable[readable.length - 1];
    if (!victim) throw new Error('no readable community');
    await sim.app.inject({ method: 'POST', url: '/admin/faults', payload: { slowMs: 10 } });
    try {
      const run = collect(ctx.db, {
        baseUrl,
        tokens: [TOKENS[0] as (typeof TOKENS)[number], SPARE],
        now: () => new Date('2026-11-29T00:00:00Z'),
      });
      await new Promise((r) => setTimeout(r, 300));
      await sim.app.inject({ method: 'POST', url: '/admin/revoke', payload: { token: 'u3' } });
      await sim.app.inject({ method: 'POST', url: '/admin/deactivate', payload: { id: victim.id } });
      const report = await run;
      expect(report.pages).toBe(registered.length);
      const page = await ctx.db.kysely
        .selectFrom('pages')
        .select(['status'])
        .where('external_id', '=', victim.id)
        .executeTakeFirstOrThrow();
      // Collected before the deletion reached it, or marked deleted: either way the run went on.
      expect(['active', 'deleted']).toContain(page.status);
      const others = (list: string[]) => list.filter((k) => !k.startsWith(`${victim.id}_`));
      expect(others((await stored(ctx.db)).posts)).toEqual(others(worldKeys().posts));
    } finally {
      const community = sim.world.byId.get(victim.id);
      if (community) community.deactivated = null;
    }
  });
});
