// The comments on the institutions' OK topics, beside the inbox, on both dialects: the queue stays VK's, and the
// inbox counts people's OK comments per topic (not the group's own, not deleted ones, not older than the window)
// with a link to each topic on OK; the page filter (a VK page) shows its institution's OK group.
import { beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { csvText, schoolLine, writeFile } from '../../test/factories.ts';
import { COUNTRY } from '../platform/scope.ts';
import { importRegistryFile } from '../registry/index.ts';
import { listInbox } from './inbox.service.ts';
import { otherNetworkComments } from './other-networks.ts';

const NOW = 1_780_000_000;
const DAY = 86_400;
const federal = { userId: 0, scope: COUNTRY };

describeEachDialect('OK comments beside the inbox', (ctx) => {
  let pages: { id: number; platform: string; institution_id: number | null }[];
  beforeEach(async () => {
    const lines = [1, 2].map((n) => schoolLine(n, { ok_url: `https://ok.ru/group/7000000000000${n}` }));
    await importRegistryFile(ctx.db, writeFile(tempDir(), 'r.csv', csvText(lines)));
    pages = await ctx.db.kysely
      .selectFrom('pages')
      .select(['id', 'platform', 'institution_id'])
      .orderBy('id')
      .execute();
    const ok = pages.filter((p) => p.platform === 'ok');
    expect(ok).toHaveLength(2);
    for (const [i, p] of ok.entries())
      await ctx.db.kysely
        .updateTable('pages')
        .set({ external_id: 70_000_000_000_001 + i, status: 'active' })
        .where('id', '=', p.id)
        .execute();
    const comment = (pageId: number, topic: number, id: number, extra: object = {}) => ({
      page_id: pageId,
      post_vk_id: topic,
      vk_id: id,
      from_id: 500 + id,
      is_from_community: 0 as const,
      posted_at: NOW - DAY,
      reply_to_comment: null,
      thread_root: null,
      text: `Вопрос ${id}`,
      is_deleted: 0 as const,
      collected_at: NOW,
      deleted_at: null,
      replies_missing: null,
      ...extra,
    });
    const [a, b] = ok as [(typeof ok)[0], (typeof ok)[0]];
    await ctx.db.kysely
      .insertInto('comments')
      .values([
        comment(a.id, 11, 1),
        comment(a.id, 11, 2),
        comment(a.id, 12, 3),
        // The group's own answer, a deleted comment and one from before the window: not counted.
        comment(a.id, 12, 4, { is_from_community: 1 }),
        comment(a.id, 12, 5, { is_deleted: 1 }),
        comment(a.id, 12, 6, { posted_at: NOW - 90 * DAY }),
        comment(b.id, 21, 7),
      ])
      .execute();
  });

  it('counts people’s comments per OK topic with links to the topics, while the queue stays VK’s', async () => {
    const all = await otherNetworkComments(ctx.db, federal, {}, NOW);
    expect(all.comments).toBe(4);
    const [first, second] = all.pages;
    expect(first).toMatchObject({ network: 'ok', comments: 3, institution: 'МБОУ СОШ № 1' });
    expect(first?.topics.map((t) => [t.url, t.comments])).toEqual([
      ['https://ok.ru/group/70000000000001/topic/11', 2],
      ['https://ok.ru/group/70000000000001/topic/12', 1],
    ]);
    expect(second).toMatchObject({ comments: 1, institution: 'МБОУ СОШ № 2' });
    // The inbox's page filter names the school's VK page: its OK group's comments.
    const okOfSecond = pages.find((p) => p.id === second?.pageId);
    const vk = pages.find((p) => p.platform === 'vk' && p.institution_id === okOfSecond?.institution_id);
    const one = await otherNetworkComments(ctx.db, federal, { pageId: vk?.id as number }, NOW);
    expect(one.pages.map((p) => p.pageId)).toEqual([second?.pageId]);
    // The queue answers through VK: no OK comment in it.
    const queue = await listInbox(ctx.db, federal, {}, { page: 1, size: 50 }, NOW);
    expect(queue.total).toBe(0);
  });
});
