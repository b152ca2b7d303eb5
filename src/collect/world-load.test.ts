import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { generateWorld, wallOf, writeWorld } from '../vk-sim/index.ts';
import { loadWorld } from './world-load.service.ts';
import { isWallReadable } from './world-rows.ts';

const params = { institutions: 240, regions: 2, seed: 5, asOf: '2026-11-29', days: 120 };

describeEachDialect('world load', (ctx) => {
  let dir: string;
  const world = generateWorld(params);
  const readable = world.communities.filter(isWallReadable);
  const expected = readable.reduce(
    (sum, c) => {
      const wall = wallOf(c, world.meta);
      return { posts: sum.posts + wall.posts.length, comments: sum.comments + wall.comments.length };
    },
    { posts: 0, comments: 0 },
  );
  beforeAll(() => {
    dir = tempDir();
    writeWorld(dir, world);
  });

  const count = async (table: 'posts' | 'comments' | 'pages' | 'institutions' | 'page_snapshots') =>
    Number(
      (
        await ctx.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores every institution, page, post and comment of the world', async () => {
    const report = await loadWorld(ctx.db, dir, { batch: 40 });
    expect(report).toMatchObject({
      institutions: params.institutions,
      pages: world.communities.length,
      ...expected,
    });
    expect(await count('institutions')).toBe(params.institutions);
    expect(await count('pages')).toBe(world.communities.length);
    expect(await count('posts')).toBe(expected.posts);
    expect(await count('comments')).toBe(expected.comments);
  });

  it('links every page to its institution, also pages the registry does not list', async () => {
    await loadWorld(ctx.db, dir);
    const rows = await ctx.db.kysely
      .selectFrom('pages')
      .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
      .select(['pages.external_id', 'institutions.inn', 'pages.status'])
      .execute();
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    for (const c of world.communities) {
      expect(byId.get(c.id)?.inn).toBe(c.inn);
      const status = c.deactivated
        ? c.deactivated === 'banned'
          ? 'banned'
          : 'deleted'
        : c.is_closed
          ? 'closed'
          : 'active';
      expect(byId.get(c.id)?.status).toBe(status);
    }
    expect(world.communities.some((c) => c.registry_url === null)).toBe(true);
  });

  it('is idempotent: loading twice stores each post and comment once, and a second profile snapshot', async () => {
    await loadWorld(ctx.db, dir);
    await loadWorld(ctx.db, dir);
    expect(await count('posts')).toBe(expected.posts);
    expect(await count('comments')).toBe(expected.comments);
    expect(await count('pages')).toBe(world.communities.length);
    expect(await count('page_snapshots')).toBe(2 * world.communities.length);
    const runs = await ctx.db.kysely.selectFrom('collection_runs').select(['status', 'pages_done']).execute();
    expect(runs).toEqual([
      { status: 'done', pages_done: world.communities.length },
      { status: 'done', pages_done: world.communities.length },
    ]);
  });

  it('keeps attachments, counters and threads as the wall has them', async () => {
    await loadWorld(ctx.db, dir);
    const community = readable.find((c) =>
      wallOf(c, world.meta).comments.some((x) => x.reply_to_comment !== null),
    );
    if (!community) throw new Error('no community with an answered question');
    const wall = wallOf(community, world.meta);
    const page = await ctx.db.kysely
      .selectFrom('pages')
      .select('id')
      .where('external_id', '=', community.id)
      .executeTakeFirstOrThrow();
    const posts = await ctx.db.kysely
      .selectFrom('posts')
      .selectAll()
      .where('page_id', '=', page.id)
      .orderBy('vk_id')
      .execute();
    expect(posts.map((p) => [p.vk_id, p.posted_at, p.photos, p.polls, p.clips, p.views, p.comments])).toEqual(
      wall.posts.map((p) => [
        p.id,
        p.date,
        p.attachments.photo ?? 0,
        p.attachments.poll ?? 0,
        p.attachments.clip ?? 0,
        p.views,
        p.comments,
      ]),
    );
    const replies = await ctx.db.kysely
      .selectFrom('comments')
      .select(['vk_id', 'reply_to_comment', 'is_from_community'])
      .where('page_id', '=', page.id)
      .where('reply_to_comment', 'is not', null)
      .orderBy('vk_id')
      .execute();
    expect(replies).toEqual(
      wall.comments
        .filter((x) => x.reply_to_comment !== null)
        .map((x) => ({ vk_id: x.id, reply_to_comment: x.reply_to_comment, is_from_community: 1 })),
    );
  });
});
