// The inbox over a demo world on both dialects: waiting questions with statuses and flags, decisions within
// the caller's scope, a reply round trip through the simulated VK (sent once per key, closing the item at
// once, kept once when the collector reads the thread again), dismissed flags, and the metrics.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.ts';
import { worldOnVkSim } from '../../test/factories.ts';
import { createUsers } from '../auth/index.ts';
import { collect, loadWorld } from '../collect/index.ts';
import { CONSOLE_ACTOR } from '../platform/audit-log.ts';
import { COUNTRY } from '../platform/scope.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../platform/secret-box.ts';
import { addVkToken } from '../vk/index.ts';
import { generateWorld, type VkSim, worldEnd } from '../vk-sim/index.ts';
import {
  dismissFlag,
  dismissTextFlag,
  flaggedTexts,
  inboxMetrics,
  listInbox,
  replyToComment,
  setInboxState,
} from './inbox.service.ts';
import { checkDraftReply } from './reply-check.service.ts';
import { addSavedReply, savedRepliesFor, setPageContacts, topicCounts } from './saved-replies.ts';

const world = generateWorld({ institutions: 120, regions: 2, seed: 31, asOf: '2026-11-29', days: 30 });
const NOW = worldEnd(world.meta);
const box = new SecretBox(parseSecretKey(newSecretKeyText(), 'test'));
let federal = { userId: 0, scope: COUNTRY };
const ALL = { page: 1, size: 10_000 };

let dir: string;
let sim: VkSim;
let vkUrl: string;

beforeAll(async () => {
  ({ dir, sim, vkUrl } = await worldOnVkSim(world, {
    extra: [{ token: 'reader-1', kind: 'user', perSecond: 200 }],
  }));
});
afterAll(() => sim.app.close());

describeEachDialect('inbox', (ctx) => {
  beforeEach(async () => {
    await loadWorld(ctx.db, path.join(dir));
    const made = await createUsers(ctx.db).add(
      { ...CONSOLE_ACTOR, scope: COUNTRY },
      { login: 'inbox-admin', role: 'federal', scope: { level: 'country' }, password: 'inbox-password-1' },
    );
    federal = { userId: made.user.id, scope: COUNTRY };
  });

  it('lists waiting questions, overdue first, with statuses that follow the threads', async () => {
    const { items, total } = await listInbox(ctx.db, federal, {}, ALL, NOW);
    expect(total).toBeGreaterThan(10);
    expect(items.some((i) => i.status === 'answered')).toBe(true);
    expect(items.some((i) => i.status === 'new')).toBe(true);
    for (const i of items) {
      expect(i.status === 'answered').toBe(i.answeredAt !== null);
      if (i.overdue) expect(i.dueAt).toBeLessThan(NOW);
    }
    const firstCalm = items.findIndex((i) => !i.overdue);
    expect(items.slice(firstCalm).some((i) => i.overdue)).toBe(false);
    const waiting = await listInbox(ctx.db, federal, { status: 'new' }, ALL, NOW);
    expect(waiting.items.every((i) => i.status === 'new')).toBe(true);
  });

  it('leaves out, not as waiting, an imported question whose thread VK did not send in full', async () => {
    const before = await listInbox(ctx.db, federal, { status: 'new' }, ALL, NOW);
    const question = before.items[0];
    if (!question) throw new Error('the world has no waiting question');
    // An imported file's thread: VK counted more replies than the file carried.
    await ctx.db.kysely
      .updateTable('comments')
      .set({ replies_missing: 2 })
      .where('id', '=', question.commentId)
      .execute();
    const after = await listInbox(ctx.db, federal, {}, ALL, NOW);
    expect(after.items.some((i) => i.commentId === question.commentId)).toBe(false);
    const metrics = await inboxMetrics(ctx.db, federal, {}, NOW);
    expect(metrics.total.questions).toBe(after.total);
    const unanswered = await listInbox(ctx.db, federal, { unanswered: true }, ALL, NOW);
    expect(unanswered.items.some((i) => i.commentId === question.commentId)).toBe(false);
  });

  it('keeps a region caller inside the region, and takes decisions only on comments in scope', async () => {
    const { items } = await listInbox(ctx.db, federal, { status: 'new' }, ALL, NOW);
    const regionOf = async (pageId: number) =>
      (
        await ctx.db.kysely
          .selectFrom('pages')
          .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
          .select('institutions.region_code')
          .where('pages.id', '=', pageId)
          .executeTakeFirstOrThrow()
      ).region_code;
    const item = items[0];
    if (!item) throw new Error('no waiting question');
    const code = await regionOf(item.pageId);
    const other = world.institutions.find((i) => i.region_code !== code)?.region_code as string;
    const outsider = { userId: federal.userId, scope: { level: 'region' as const, regionCode: other } };
    const seen = await listInbox(ctx.db, outsider, {}, ALL, NOW);
    expect(seen.items.some((i) => i.commentId === item.commentId)).toBe(false);
    await expect(
      setInboxState(ctx.db, outsider, item.commentId, { status: 'in_progress' }, NOW),
    ).rejects.toThrow(/no comment .* in your scope/);
    await expect(
      setInboxState(ctx.db, federal, item.commentId, { status: 'no_answer_needed' }, NOW),
    ).rejects.toThrow(/body.reason/);
    await setInboxState(ctx.db, federal, item.commentId, { status: 'no_answer_needed', reason: 'спам' }, NOW);
    const after = await listInbox(ctx.db, federal, { status: 'no_answer_needed' }, ALL, NOW);
    expect(after.items.map((i) => [i.commentId, i.reason, i.overdue])).toEqual([
      [item.commentId, 'спам', false],
    ]);
  });

  it('checks a draft reply in scope, proposing a deadline three working days ahead in the page calendar', async () => {
    const { items } = await listInbox(ctx.db, federal, { status: 'new' }, ALL, NOW);
    const item = items[0];
    if (!item) throw new Error('no waiting question');
    const check = await checkDraftReply(ctx.db, federal, item.commentId, 'Проверим работу столовой.', NOW);
    const issue = check.issues.find((i) => i.criterion === 'no_deadline');
    expect(check.proposedDeadline).toBeGreaterThan(NOW + 2 * 86_400);
    expect(issue?.fix.ru).toMatch(/до \d{1,2} [а-я]+/);
    // The English fix names the date in English, not "8 декабря".
    expect(issue?.fix.en).toMatch(/by \d{1,2} [A-Z][a-z]+/);
    expect(issue?.fix.en).not.toMatch(/[А-Яа-яЁё]/);
    const good = await checkDraftReply(
      ctx.db,
      federal,
      item.commentId,
      'Проверили сегодня, суп был 55 °C; с завтрашнего дня температуру проверяет дежурный.',
      NOW,
    );
    expect(good.issues).toEqual([]);
    const nowhere = { userId: federal.userId, scope: { level: 'region' as const, regionCode: '99' } };
    await expect(checkDraftReply(ctx.db, nowhere, item.commentId, 'Ответ', NOW)).rejects.toThrow(
      /in your scope/,
    );
  });

  it('offers saved replies of the page, municipality and region libraries, filled, the question topic first', async () => {
    const { items } = await listInbox(ctx.db, federal, { status: 'new' }, ALL, NOW);
    const item = items[0];
    if (!item) throw new Error('no waiting question');
    const place = await ctx.db.kysely
      .selectFrom('pages')
      .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
      .select([
        'institutions.region_code',
        'institutions.municipality_id',
        'institutions.short_name',
        'institutions.full_name',
      ])
      .where('pages.id', '=', item.pageId)
      .executeTakeFirstOrThrow();
    const region = {
      userId: federal.userId,
      scope: { level: 'region' as const, regionCode: place.region_code },
    };
    await addSavedReply(
      ctx.db,
      region,
      {
        level: 'region',
        regionCode: place.region_code,
        topic: 'transport',
        title: 'Автобус',
        text: 'Расписание автобуса {school}: звоните {phone}, {hours}.',
      },
      NOW,
    );
    await addSavedReply(
      ctx.db,
      federal,
      {
        level: 'page',
        pageId: item.pageId,
        topic: 'meals',
        title: 'Меню',
        text: 'Меню {school} на сайте, вопросы по {phone}.',
      },
      NOW,
    );
    const other = world.institutions.find((i) => i.region_code !== place.region_code)?.region_code as string;
    await expect(
      addSavedReply(
        ctx.db,
        region,
        { level: 'region', regionCode: other, topic: 'meals', title: 'x', text: 'x' },
        NOW,
      ),
    ).rejects.toThrow(/in your scope/);
    const before = await savedRepliesFor(ctx.db, federal, item.pageId, 'Когда придёт автобус?');
    expect(before.topics).toEqual(['transport']);
    expect(before.replies.map((r) => [r.title, r.matches])).toEqual([
      ['Автобус', true],
      ['Меню', false],
    ]);
    expect(before.replies[0]?.missing).toEqual(['phone', 'hours']);
    expect(before.replies[0]?.text).toContain(place.short_name ?? place.full_name);
    await setPageContacts(ctx.db, federal, item.pageId, {
      phone: '+7 (843) 210-55-10',
      hours: 'пн–пт 9:00–17:00',
    });
    const after = await savedRepliesFor(ctx.db, federal, item.pageId, 'Когда придёт автобус?');
    expect(after.replies[0]?.text).toContain('+7 (843) 210-55-10, пн–пт 9:00–17:00');
    expect(after.replies[0]?.missing).toEqual([]);
  });

  it('counts questions by topic per page and suggests pinning an answer to one asked again and again', async () => {
    const counts = await topicCounts(ctx.db, federal, { days: 30 }, NOW);
    const sum = (list: { questions: number }[]) => list.reduce((a, c) => a + c.questions, 0);
    expect(sum(counts.total)).toBeGreaterThan(0);
    expect(sum(counts.byPage)).toBe(sum(counts.total));
    expect(sum(counts.byRegion)).toBe(sum(counts.total));
    for (const s of counts.suggestions) expect(s.questions).toBeGreaterThanOrEqual(5);
    const onePage = counts.byPage[0];
    if (!onePage) throw new Error('no page');
    const just = await topicCounts(ctx.db, federal, { days: 30, pageId: Number(onePage.key) }, NOW);
    expect(just.byPage.every((c) => c.key === onePage.key)).toBe(true);
  });

  it('replies through VK once per key, closes the item at once, and keeps one copy after a collection', async () => {
    const { items } = await listInbox(ctx.db, federal, { status: 'new' }, ALL, NOW);
    const item = items[0];
    if (!item) throw new Error('no waiting question');
    const page = await ctx.db.kysely
      .selectFrom('pages')
      .select(['external_id'])
      .where('id', '=', item.pageId)
      .executeTakeFirstOrThrow();
    const vk = { baseUrl: vkUrl, secrets: box };
    await expect(
      replyToComment(ctx.db, federal, item.commentId, { text: 'Ответ', key: 'k-000001' }, vk, NOW),
    ).rejects.toThrow(/no community token/);
    await addVkToken(
      ctx.db,
      box,
      {
        label: `page-${item.pageId}`,
        token: `community-${page.external_id}`,
        kind: 'community',
        pageId: item.pageId,
      },
      NOW,
    );
    const calls = async () =>
      Number(
        (await sim.app.inject({ url: '/admin/stats' })).json().calls[
          `community-${page.external_id}|wall.createComment`
        ] ?? 0,
      );
    const before = await calls();
    const sent = await replyToComment(
      ctx.db,
      federal,
      item.commentId,
      { text: 'Собрание в среду в 18:00.', key: 'reply-key-1' },
      vk,
      NOW,
    );
    expect(sent).toMatchObject({ status: 'sent', repeated: false });
    const again = await replyToComment(
      ctx.db,
      federal,
      item.commentId,
      { text: 'Собрание в среду в 18:00.', key: 'reply-key-1' },
      vk,
      NOW,
    );
    expect(again).toMatchObject({ status: 'sent', repeated: true, vkCommentId: sent.vkCommentId });
    expect((await calls()) - before).toBe(1);
    const closed = (await listInbox(ctx.db, federal, {}, ALL, NOW)).items.find(
      (i) => i.commentId === item.commentId,
    );
    expect(closed?.status).toBe('answered');

    // The collector reads the thread again: the answer is the one already stored, not a second copy.
    await collect(ctx.db, {
      baseUrl: vkUrl,
      tokens: [{ token: 'reader-1', kind: 'user', perSecond: 200 }],
      now: () => new Date(NOW * 1000),
    });
    const copies = await ctx.db.kysely
      .selectFrom('comments')
      .select('id')
      .where('page_id', '=', item.pageId)
      .where('vk_id', '=', sent.vkCommentId as number)
      .execute();
    expect(copies).toHaveLength(1);
    const still = (await listInbox(ctx.db, federal, {}, ALL, NOW)).items.find(
      (i) => i.commentId === item.commentId,
    );
    expect(still?.status).toBe('answered');
  });

  it('remembers a dismissed flag, and sums metrics that agree with the list', async () => {
    const flagged = (await listInbox(ctx.db, federal, { flagged: true }, ALL, NOW)).items[0];
    // The demo world writes rude and careless comments too: some question carries a flag.
    expect(flagged).toBeDefined();
    if (flagged) {
      const flag = flagged.flags[0] as { kind: string; text: string };
      await dismissFlag(ctx.db, federal, flagged.commentId, flag, NOW);
      const again = (await listInbox(ctx.db, federal, {}, ALL, NOW)).items.find(
        (i) => i.commentId === flagged.commentId,
      );
      expect(again?.flags.some((f) => f.kind === flag.kind && f.text === flag.text)).toBe(false);
    }
    const list = await listInbox(ctx.db, federal, {}, ALL, NOW);
    const metrics = await inboxMetrics(ctx.db, federal, {}, NOW);
    expect(metrics.total.questions).toBe(list.total);
    expect(metrics.total.answered).toBe(list.items.filter((i) => i.answeredAt !== null).length);
    expect(metrics.alerts.overdue).toBe(
      list.items.filter((i) => i.answeredAt === null && NOW > i.dueAt).length,
    );
    expect(metrics.byRegion.reduce((s, r) => s + r.questions, 0)).toBe(list.total);
    expect(metrics.total.withinDeadline).toBeGreaterThanOrEqual(0);
    expect(metrics.total.medianHours).not.toBeNull();
  });

  it("flags the pages' own posts too, and remembers a flag dismissed on a post", async () => {
    const flagged = await flaggedTexts(ctx.db, federal, {}, NOW);
    const post = flagged.find((t) => t.target === 'post');
    // The demo world's pages sometimes name a child with the class, or print a phone number.
    expect(post).toBeDefined();
    if (!post) return;
    for (const t of flagged) for (const f of t.flags) expect(t.text.slice(f.start, f.end)).toBe(f.text);
    const flag = post.flags[0] as { kind: string; text: string };
    await dismissTextFlag(
      ctx.db,
      federal,
      { pageId: post.pageId, targetType: 'post', vkId: post.vkId, ...flag },
      NOW,
    );
    const again = (await flaggedTexts(ctx.db, federal, { pageId: post.pageId }, NOW)).find(
      (t) => t.target === 'post' && t.vkId === post.vkId,
    );
    expect(again?.flags.some((f) => f.kind === flag.kind && f.text === flag.text) ?? false).toBe(false);
    const outsider = {
      userId: federal.userId,
      scope: {
        level: 'institution' as const,
        regionCode: '00',
        municipalityId: null,
        institutionId: 999_999,
      },
    };
    await expect(
      dismissTextFlag(
        ctx.db,
        outsider,
        { pageId: post.pageId, targetType: 'post', vkId: post.vkId, ...flag },
        NOW,
      ),
    ).rejects.toThrow(/no page .* in your scope/);
  });
});
