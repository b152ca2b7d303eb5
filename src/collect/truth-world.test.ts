// A demo world with VK's content-truth cases (visitors' posts on open walls, broadcasts announced but not held,
// comments deleted between two collections, threads longer than VK sends at once) collects to exactly the
// world's data, with tombstones; the audit's input holds the communities' own posts only.
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { importRegistryFile } from '../registry/index.ts';
import {
  buildVkSim,
  generateWorld,
  readWorld,
  type VkSim,
  WORLD_FILES,
  wallOf,
  worldEnd,
  writeWorld,
} from '../vk-sim/index.ts';
import { collect } from './collect.service.ts';
import { readPosts } from './snapshot-read.repo.ts';

const world = generateWorld({
  institutions: 24,
  regions: 1,
  seed: 5,
  asOf: '2026-11-29',
  days: 20,
  truthCases: true,
});
const END = worldEnd(world.meta);
const FIRST = END + 3600;
const SECOND = END + 24 * 3600;
const TOKENS = [{ token: 'u1', kind: 'user' as const, perSecond: 500 }];
let clock = FIRST * 1000;
let sim: VkSim;
let baseUrl: string;
let dir: string;

beforeAll(() => {
  dir = tempDir();
  writeWorld(dir, world);
});
// A simulator of its own for each dialect's run.
beforeEach(async () => {
  clock = FIRST * 1000;
  sim = await buildVkSim({ world: readWorld(dir), tokens: TOKENS, now: () => clock });
  baseUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(() => sim.app.close());

describeEachDialect('a world of content-truth cases', (ctx) => {
  beforeEach(async () => {
    await importRegistryFile(ctx.db, path.join(dir, WORLD_FILES.registry));
  });

  it('collects to exactly the world, with tombstones, and the audit reads only own posts', async () => {
    clock = FIRST * 1000;
    await collect(ctx.db, { baseUrl, tokens: TOKENS, now: () => new Date(FIRST * 1000) });
    clock = SECOND * 1000;
    const second = await collect(ctx.db, { baseUrl, tokens: TOKENS, now: () => new Date(SECOND * 1000) });

    const pages = await ctx.db.kysely
      .selectFrom('pages')
      .select(['id', 'external_id'])
      .where('status', '=', 'active')
      .where('external_id', 'is not', null)
      .execute();
    const live = world.communities.filter((c) => pages.some((p) => p.external_id === c.id));
    expect(live.length).toBeGreaterThan(5);
    let visitors = 0;
    let announced = 0;
    let long = 0;
    let gone = 0;
    for (const c of live) {
      const page = pages.find((p) => p.external_id === c.id) as { id: number };
      const wall = wallOf(c, world.meta);
      const posts = await ctx.db.kysely
        .selectFrom('posts')
        .select(['vk_id', 'is_visitor', 'lives', 'polls'])
        .where('page_id', '=', page.id)
        .orderBy('vk_id')
        .execute();
      expect(posts).toEqual(
        [...wall.posts]
          .sort((a, b) => a.id - b.id)
          .map((p) => ({
            vk_id: p.id,
            is_visitor: p.from_id !== undefined && p.from_id !== -c.id ? 1 : 0,
            lives: p.live_upcoming ? 0 : (p.attachments.live ?? 0),
            polls: p.attachments.poll ?? 0,
          })),
      );
      visitors += posts.filter((p) => p.is_visitor).length;
      announced += wall.posts.filter((p) => p.live_upcoming).length;
      // Every comment the world has, the long threads' replies too; those gone since the first collection are
      // kept as deleted with the time they were found gone.
      const comments = await ctx.db.kysely
        .selectFrom('comments')
        .select(['vk_id', 'is_deleted', 'deleted_at', 'thread_root'])
        .where('page_id', '=', page.id)
        .orderBy('vk_id')
        .execute();
      // (A comment deleted on VK before any collection is known only if VK still lists it as deleted: a post
      // whose comments are all deleted counts none, and is not read.)
      expect(
        comments.filter((r) => r.is_deleted === 0 || r.deleted_at === SECOND).map((x) => x.vk_id),
      ).toEqual(wall.comments.filter((x) => !x.deleted).map((x) => x.id));
      for (const x of wall.comments) {
        const row = comments.find((r) => r.vk_id === x.id);
        if (x.gone_at !== undefined) {
          expect(row).toMatchObject({ is_deleted: 1, deleted_at: SECOND });
          gone++;
        } else if (x.deleted) expect(row?.is_deleted ?? 1).toBe(1);
        else expect(row?.is_deleted).toBe(0);
      }
      const threads = new Map<number, number>();
      for (const x of comments)
        if (x.thread_root !== null) threads.set(x.thread_root, (threads.get(x.thread_root) ?? 0) + 1);
      if ([...threads.values()].some((n) => n > 10)) long++;
      // The audit's input: the community's own posts only.
      const judged = await readPosts(ctx.db, [page.id], { start: 0, end: SECOND });
      expect(judged.map((p) => p.vk_id).sort((a, b) => a - b)).toEqual(
        wall.posts
          .filter((p) => p.from_id === undefined || p.from_id === -c.id)
          .map((p) => p.id)
          .sort((a, b) => a - b),
      );
    }
    expect({ visitors: visitors > 0, announced: announced > 0, long: long > 0 }).toEqual({
      visitors: true,
      announced: true,
      long: true,
    });
    expect(second.vanished).toBe(gone);
    expect(gone).toBeGreaterThan(0);
  });
});
