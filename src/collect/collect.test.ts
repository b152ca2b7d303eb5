import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { storedKeys, worldKeys } from '../../test/collected.ts';
import { describeEachDialect, tempDir } from '../../test/db.ts';
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
    tokens: TOKENS.map((t) => ({ ...t, dailyQuota: quota })),
  });
  baseUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => sim.app.close());

describeEachDialect('collector', (ctx) => {
  beforeEach(async () => {
    await importRegistryFile(ctx.db, path.join(dir, WORLD_FILES.registry));
  });

  it("collects every registered page's posts and comments exactly as the world has them", async () => {
    const report = await collect(ctx.db, {
      baseUrl,
      tokens: TOKENS,
      now: () => new Date('2026-11-29T00:00:00Z'),
    });
    expect(report).toMatchObject({ pages: registered.length, posts: expected.posts });
    expect(await storedKeys(ctx.db)).toEqual(worldKeys(world));
    const statuses = await ctx.db.kysely.selectFrom('pages').select(['external_id', 'status']).execute();
    const closed = registered.find((c) => c.is_closed === 1);
    if (closed) expect(statuses.find((s) => s.external_id === closed.id)?.status).toBe('closed');
  });

  it('a second run reads only what is new and stores nothing twice', async () => {
    const now = () => new Date('2026-11-29T00:00:00Z');
    await collect(ctx.db, { baseUrl, tokens: TOKENS, now });
    const first = await storedKeys(ctx.db);
    const again = await collect(ctx.db, { baseUrl, tokens: TOKENS, now });
    expect(again.posts).toBe(0);
    expect(again.requests).toBeLessThan(first.posts.length / 4);
    expect(await storedKeys(ctx.db)).toEqual(first);
  });
});
