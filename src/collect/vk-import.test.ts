import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { sharedPath } from '../../test/shared.ts';
import { attachmentKind, parseGroups, parsePosts, parseResponseText } from '../vk/index.ts';
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

  it('imports communities, then walls of every sample shape with the right attachment kinds, idempotently', async () => {
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
        ],
      },
    };
    expect(await importVkGroups(ctx.db, write('groups.json', groups))).toEqual({ pages: 1 });
    const snapshot = await ctx.db.kysely.selectFrom('page_snapshots').selectAll().executeTakeFirstOrThrow();
    expect(snapshot).toMatchObject({ name: 'Школа', has_avatar: 0 });

    for (const file of [
      'wall.get/doc-attachment.json',
      'wall.get/extended-profiles-groups.json',
      'wall.get/photo-sizes-and-podcast_2020.json',
      'wall.getById/extended-donut-views_2020.json',
      'fave.getPosts/post-with-video-attachment.json',
    ])
      await importVkWall(ctx.db, sample(file), 'school1');
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
    expect(stored.some((p) => p.is_repost === 1 && p.repost_owner_id !== null)).toBe(true);
    const before = stored.map(kinds);
    await importVkWall(ctx.db, sample('wall.get/doc-attachment.json'), 'school1');
    expect((await posts()).map(kinds)).toEqual(before);
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
    await importVkComments(ctx.db, write('c.json', threaded), 'sad2', undefined);
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

  it('refuses a wall for a page nobody registered', async () => {
    await expect(importVkWall(ctx.db, sample('wall.get/doc-attachment.json'), 'nobody')).rejects.toThrow(
      /not in the registry/,
    );
  });
});
