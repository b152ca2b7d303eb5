import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { sharedPath } from '../../test/shared.ts';
import { attachmentKind, parseGroups, parsePosts, parseResponseText } from '../vk/index.ts';
import { readComments, readPosts } from './snapshot-read.repo.ts';
import { importVkComments, importVkGroups, importVkWall } from './vk-import.service.ts';

const sample = (name: string) => sharedPath('vk-api-samples', name);

function write(name: string, body: unknown): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}

describe('VK response parsers', () => {
  it('read the legacy groups.getById list and the 5.199 {groups} shape alike', () => {
    const legacy = parseGroups(
      parseResponseText(fs.readFileSync(sample('groups.getById/legacy-array_ban-info.json'), 'utf8'), 'x'),
      'x',
    );
    expect(legacy[0]?.id).toBeGreaterThan(0);
    const modern = parseGroups(
      { groups: [{ id: 10639516.0, name: 'Школа', is_closed: 0 }], profiles: [] },
      'x',
    );
    expect(modern[0]).toMatchObject({ id: 10639516, name: 'Школа' });
  });

  it('tell clips, live broadcasts and videos apart, in both clip shapes', () => {
    expect(attachmentKind({ type: 'video', video: { type: 'short_video' } })).toBe('clips');
    expect(attachmentKind({ type: 'clip', clip: {} })).toBe('clips');
    expect(attachmentKind({ type: 'video', video: { live: 1 } })).toBe('lives');
    // Announced, not held: VK's live_status before a broadcast starts, or upcoming: 1.
    expect(attachmentKind({ type: 'video', video: { live: 1, live_status: 'finished' } })).toBe('lives');
    expect(attachmentKind({ type: 'video', video: { type: 'live', live_status: 'started' } })).toBe('lives');
    expect(
      attachmentKind({ type: 'video', video: { type: 'live', live_status: 'upcoming' } }),
    ).toBeUndefined();
    expect(attachmentKind({ type: 'video', video: { live: 1, live_status: 'waiting' } })).toBeUndefined();
    expect(attachmentKind({ type: 'video', video: { live: 1, upcoming: 1 } })).toBeUndefined();
    expect(attachmentKind({ type: 'video', video: { type: 'video' } })).toBe('videos');
    const bom = fs.readFileSync(sample('objects/video_regular_2021.json'), 'utf8');
    const video = parseResponseText(bom, 'video_regular_2021.json') as { type?: string };
    expect(attachmentKind({ type: 'video', video })).toBe('videos');
  });

  it('name the item and field of a malformed response, and refuse error envelopes', () => {
    expect(() => parsePosts({ items: [{ id: 1, date: 'yesterday' }] }, 'wall.json')).toThrow(
      /wall\.json: items\[0\]\.date/,
    );
    expect(() =>
      parseResponseText(fs.readFileSync(sample('errors/error-15_access-denied.json'), 'utf8'), 'e.json'),
    ).toThrow(/VK error response \(15/);
  });
});

describeEachDialect('importing saved VK responses', (ctx) => {
  async function posts() {
    return ctx.db.kysely.selectFrom('posts').selectAll().orderBy('vk_id').execute();
  }

  /** A sample as VK would have sent it for another wall: owner (and the owner's own posts) moved to `owner`. */
  function onWall(name: string, owner: number): string {
    const body = JSON.parse(fs.readFileSync(sample(name), 'utf8').replace(/^\uFEFF/, '')) as {
      response: { items: { owner_id?: number; from_id?: number }[] };
    };
    for (const item of body.response.items) {
      if (item.from_id === item.owner_id) item.from_id = owner;
      item.owner_id = owner;
    }
    return write(path.basename(name), body);
  }

  it('imports communities, then walls of every sample shape with the right attachment kinds, idempotently', async () => {
    const community = (id: number, screen_name: string) => ({ id, name: 'Школа', screen_name, is_closed: 0 });
    const groups = {
      response: {
        groups: [
          {
            id: 1,
            name: 'Школа',
            screen_name: 'school1',
            is_closed: 0,
            photo_200: 'https://vk.com/images/camera_200.png',
          },
          community(322, 'donut'),
          community(74962618, 'podcasts'),
          community(30666517, 'videos'),
        ],
      },
    };
    expect(await importVkGroups(ctx.db, write('groups.json', groups))).toEqual({ pages: 4 });
    const snapshot = await ctx.db.kysely
      .selectFrom('page_snapshots')
      .selectAll()
      .where('name', '=', 'Школа')
      .where('screen_name', '=', 'school1')
      .executeTakeFirstOrThrow();
    expect(snapshot).toMatchObject({ name: 'Школа', has_avatar: 0 });

    // Community walls import into their own pages as they are.
    await importVkWall(ctx.db, sample('wall.get/photo-sizes-and-podcast_2020.json'), '74962618');
    await importVkWall(ctx.db, sample('wall.getById/extended-donut-views_2020.json'), 'donut');
    await importVkWall(ctx.db, sample('fave.getPosts/post-with-video-attachment.json'), '-30666517');
    // The two samples of a person's wall import once they are the page's (the shapes are what is tested).
    await importVkWall(ctx.db, onWall('wall.get/doc-attachment.json', -1), 'school1');
    await importVkWall(ctx.db, onWall('wall.get/extended-profiles-groups.json', -1), 'school1');
    const stored = await posts();
    const kinds = (p: (typeof stored)[number]) => ({
      photos: p.photos,
      videos: p.videos,
      docs: p.docs,
      podcasts: p.podcasts,
      repost: p.is_repost,
      ads: p.is_ad,
    });
    expect(stored.some((p) => p.docs > 0)).toBe(true);
    expect(stored.some((p) => p.podcasts > 0 && p.photos > 0)).toBe(true);
    expect(stored.some((p) => p.videos > 0)).toBe(true);
    // The repost's photo is the original's (in copy_history), not the page's own.
    expect(stored.find((p) => p.vk_id === 41)).toMatchObject({
      is_repost: 1,
      repost_owner_id: expect.any(Number),
      photos: 0,
      is_visitor: 0,
    });
    expect(stored.every((p) => p.is_visitor === 0)).toBe(true);
    const before = stored.map(kinds);
    await importVkWall(ctx.db, sample('wall.get/photo-sizes-and-podcast_2020.json'), '74962618');
    expect((await posts()).map(kinds)).toEqual(before);
  });

  it("refuses a file of another owner's wall, naming the file, the item and both ids, and writes nothing", async () => {
    await importVkGroups(
      ctx.db,
      write('g.json', { response: [{ id: 1, name: 'Школа', screen_name: 'school1', is_closed: 0 }] }),
    );
    await expect(importVkWall(ctx.db, sample('wall.get/doc-attachment.json'), 'school1')).rejects.toThrow(
      /doc-attachment\.json: items\[0\] \(post 1261\) is from the wall of owner 26033241, but page school1 is community 1 \(owner -1\); nothing was imported/,
    );
    const comments = {
      response: { count: 1, items: [{ id: 5, owner_id: -99, from_id: 3, date: 1, text: '?', post_id: 2 }] },
    };
    await expect(importVkComments(ctx.db, write('c.json', comments), 'school1', undefined)).rejects.toThrow(
      /c\.json: items\[0\] \(comment 5\) is from the wall of owner -99, but page school1 is community 1/,
    );
    expect(await posts()).toEqual([]);
    expect(await ctx.db.kysely.selectFrom('comments').selectAll().execute()).toEqual([]);
  });

  it("marks a visitor's post on the page's wall (and its poll) as a visitor's, kept but not judged", async () => {
    await importVkGroups(
      ctx.db,
      write('g.json', { response: [{ id: 74962618, name: 'Школа', screen_name: 'pods', is_closed: 0 }] }),
    );
    const body = JSON.parse(fs.readFileSync(sample('wall.get/photo-sizes-and-podcast_2020.json'), 'utf8'));
    const own = body.response.items[0];
    const visitor = { ...own, id: own.id + 1, from_id: 1234, attachments: [{ type: 'poll', poll: {} }] };
    const suggested = { ...own, id: own.id + 2, post_type: 'suggest' };
    body.response.items = [suggested, visitor, own];
    expect(await importVkWall(ctx.db, write('w.json', body), 'pods')).toMatchObject({
      posts: 3,
      visitors: 2,
    });
    const stored = await posts();
    expect(stored.map((p) => [p.vk_id, p.from_id, p.is_visitor, p.polls])).toEqual([
      [own.id, -74962618, 0, 0],
      [own.id + 1, 1234, 1, 1],
      [own.id + 2, -74962618, 1, 0],
    ]);
    const page = await ctx.db.kysely.selectFrom('pages').select('id').executeTakeFirstOrThrow();
    const judged = await readPosts(ctx.db, [page.id], { start: 0, end: 2e9 });
    expect(judged.map((p) => p.vk_id)).toEqual([own.id]);
  });

  it('imports comments, deleted ones and thread replies included', async () => {
    await importVkGroups(
      ctx.db,
      write('g.json', { response: [{ id: 2, name: 'Сад', screen_name: 'sad2', is_closed: 0 }] }),
    );
    expect(
      await importVkComments(ctx.db, sample('wall.getComments/likes-and-photo-attachment.json'), '2', 7),
    ).toMatchObject({ comments: expect.any(Number) });
    const threaded = {
      response: {
        count: 2,
        items: [
          {
            id: 10,
            from_id: 5,
            date: 1_700_000_000,
            text: 'Когда собрание?',
            post_id: 7,
            thread: {
              count: 1,
              items: [{ id: 11, from_id: -2, date: 1_700_003_600, text: 'В четверг', post_id: 7 }],
            },
          },
          { id: 12, from_id: 0, date: 1_700_000_100, text: '', post_id: 7, deleted: true },
        ],
      },
    };
    expect(await importVkComments(ctx.db, write('c.json', threaded), 'sad2', undefined)).toMatchObject({
      warnings: [],
    });
    const rows = await ctx.db.kysely
      .selectFrom('comments')
      .selectAll()
      .where('vk_id', 'in', [10, 11, 12])
      .orderBy('vk_id')
      .execute();
    expect(rows.map((r) => [r.vk_id, r.is_from_community, r.thread_root, r.is_deleted])).toEqual([
      [10, 0, null, 0],
      [11, 1, 10, 0],
      [12, 0, null, 1],
    ]);
  });

  it('warns of a thread VK sent only the start of, and the audit counts its question neither way', async () => {
    await importVkGroups(
      ctx.db,
      write('g.json', { response: [{ id: 2, name: 'Сад', screen_name: 'sad2', is_closed: 0 }] }),
    );
    const question = (id: number, count: number, items: unknown[]) => ({
      id,
      from_id: 5,
      date: 1_700_000_000 + id,
      text: 'Когда собрание?',
      post_id: 7,
      thread: { count, items },
    });
    const reply = (id: number, from_id: number) => ({
      id,
      from_id,
      date: 1_700_003_600,
      text: 'Ответ',
      post_id: 7,
    });
    const file = write('short.json', {
      response: {
        count: 3,
        items: [
          question(20, 15, [reply(21, 8)]), // 14 replies missing, none of them seen from the community
          question(30, 12, [reply(31, -2)]), // missing replies, but the community's answer is here
          question(40, 0, []), // no replies at all: unanswered
        ],
      },
    });
    const result = await importVkComments(ctx.db, file, 'sad2', undefined);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatch(/short\.json: comment 20: VK counted 15 replies but the file holds 1/);
    const page = await ctx.db.kysely.selectFrom('pages').select('id').executeTakeFirstOrThrow();
    const judged = await readComments(ctx.db, [page.id], { start: 0, end: 2e9 });
    expect(judged.map((c) => c.vk_id)).toEqual([21, 30, 31, 40]);
  });

  it('refuses a wall for a page nobody registered', async () => {
    await expect(importVkWall(ctx.db, sample('wall.get/doc-attachment.json'), 'nobody')).rejects.toThrow(
      /not in the registry/,
    );
  });
});
