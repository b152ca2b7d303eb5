// The planner against the simulated VK over HTTP, on both dialects: a draft of each kind goes through VK's
// upload flows and wall.post and comes back in the collected posts as that kind; a lost commit publishes no
// second post (wall.post's guid); transient faults retry and a refused token fails with its reason; the
// contributor's proposal, the admin's approval or rejection, the municipality's second approval and scope; the
// plan's weekly gaps and mix; and an announcement to 500 pages under faults, each page published once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { createUsers, permissionsOf } from '../auth/index.ts';
import { collect, loadWorld } from '../collect/index.ts';
import { CONSOLE_ACTOR } from '../platform/audit-log.ts';
import type { Db } from '../platform/db.ts';
import type { Role } from '../platform/db-schema.ts';
import { COUNTRY, type Scope } from '../platform/scope.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../platform/secret-box.ts';
import { addVkToken } from '../vk/index.ts';
import { buildVkSim, generateWorld, readWorld, type VkSim, writeWorld } from '../vk-sim/index.ts';
import { inviteContributor } from './contributors.service.ts';
import {
  approveDraft,
  type Caller,
  createDraft,
  type DraftInput,
  draftFor,
  editDraft,
  municipalityDecision,
  rejectDraft,
} from './drafts.service.ts';
import { draftDetail, pagePlan } from './plan.service.ts';
import { insertFile, setMunicipalityApproval } from './planner.repo.ts';
import { publishDue } from './publish.service.ts';
import { syndicate, syndicationStatus } from './syndication.service.ts';

const world = generateWorld({ institutions: 700, regions: 1, seed: 44, asOf: '2026-11-29', days: 14 });
const REGION = world.meta.regionCodes[0] as string;
const box = new SecretBox(parseSecretKey(newSecretKeyText(), 'test'));
let dir: string;
let sim: VkSim;
let vkUrl: string;

const admin = (role: Role, scope: Scope, userId: number | null = null): Caller => ({
  userId,
  scope,
  permissions: permissionsOf(role),
});
const federal = admin('federal', COUNTRY);

beforeAll(async () => {
  dir = tempDir();
  writeWorld(dir, world);
  sim = await buildVkSim({
    world: readWorld(dir),
    tokens: [
      { token: 'reader', kind: 'user', perSecond: 500, dailyQuota: { 'wall.get': 1_000_000 } },
      ...world.communities.map((c) => ({
        token: `community-${c.id}`,
        kind: 'community' as const,
        groupId: c.id,
      })),
      // Each page's admin's user token: VK makes photos, videos, clips, polls and lives only with one.
      ...world.communities.map((c) => ({ token: `admin-${c.id}`, kind: 'user' as const, perSecond: 100 })),
    ],
  });
  vkUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => sim.app.close());

async function pagesWithTokens(db: Db, limit: number, withAdmin = true) {
  const pages = await db.kysely
    .selectFrom('pages')
    .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
    .select([
      'pages.id',
      'pages.external_id',
      'institutions.id as institution_id',
      'institutions.municipality_id',
    ])
    .where('pages.external_id', 'is not', null)
    .orderBy('pages.id')
    .limit(limit)
    .execute();
  for (const p of pages)
    await addVkToken(
      db,
      box,
      { label: `page-${p.id}`, token: `community-${p.external_id}`, kind: 'community', pageId: p.id },
      0,
    );
  if (withAdmin)
    for (const p of pages)
      await addVkToken(
        db,
        box,
        {
          label: `admin-${p.id}`,
          token: `admin-${p.external_id}`,
          kind: 'user',
          pageId: p.id,
          scopes: ['wall', 'photos', 'video', 'offline'],
        },
        0,
      );
  return pages;
}

const wallPosts = (groupId: number) => sim.world.wall(groupId).posts;
const now = () => Math.floor(Date.now() / 1000);

describe('planner', () => {
  describeEachDialect('drafts and publishing', (ctx) => {
    const vk = () => ({ baseUrl: vkUrl, secrets: box });
    beforeEach(async () => {
      await loadWorld(ctx.db, dir);
      sim.faults.set({});
    });

    it('publishes a draft of each kind through VK’s flows, and collects each back as that kind', async () => {
      const [page] = await pagesWithTokens(ctx.db, 1);
      if (!page?.external_id) throw new Error('no page');
      const file = (name: string, mime: string) =>
        insertFile(ctx.db, {
          pageId: page.id,
          name,
          mime,
          data: Buffer.from(`${name}-bytes`),
          by: null,
          at: now(),
        }).then((f) => f.id);
      const [p1, p2, clip, video] = await Promise.all([
        file('a.jpg', 'image/jpeg'),
        file('b.jpg', 'image/jpeg'),
        file('c.mp4', 'video/mp4'),
        file('v.mp4', 'video/mp4'),
      ]);
      const drafts: [string, DraftInput][] = [
        [
          'text',
          {
            kind: 'text',
            title: 'Итоги недели',
            text: 'Итоги недели: олимпиада.',
            rubric: 'итоги_недели',
            content: { photos: [p1, p2] },
          },
        ],
        [
          'poll',
          {
            kind: 'poll',
            title: 'Опрос',
            text: 'Родители, голосуем!',
            rubric: 'опрос',
            content: {
              poll: { question: 'Удобно ли время собрания?', options: ['Да', 'Нет'], multiple: false },
            },
          },
        ],
        [
          'clip',
          {
            kind: 'clip',
            title: 'Клип',
            text: 'День школы за 30 секунд',
            content: { file: clip, title: 'День школы' },
          },
        ],
        [
          'video',
          {
            kind: 'video',
            title: 'Видео',
            text: 'Концерт ко Дню учителя',
            content: { file: video, title: 'Концерт' },
          },
        ],
        [
          'live',
          {
            kind: 'live',
            title: 'Эфир',
            text: 'Прямой эфир с директором',
            content: { title: 'Эфир с директором', startsAt: now() + 3600 },
          },
        ],
      ];
      const ids: number[] = [];
      for (const [, input] of drafts) {
        const id = await createDraft(ctx.db, federal, page.id, input, now());
        await approveDraft(ctx.db, federal, id, now(), now() - 1);
        ids.push(id);
      }
      const outcomes = await publishDue(ctx.db, vk(), now());
      expect([...outcomes.values()].map((o) => o.status)).toEqual(ids.map(() => 'published'));
      const published = await Promise.all(
        ids.map((id) => draftFor(ctx.db, federal, id).then((d) => d.draft)),
      );
      // The collector reads the wall back: each post is there once, with the kind of its draft.
      await collect(ctx.db, {
        baseUrl: vkUrl,
        tokens: [{ token: 'reader', kind: 'user', perSecond: 500 }],
      });
      const posts = await ctx.db.kysely
        .selectFrom('posts')
        .selectAll()
        .where('page_id', '=', page.id)
        .where(
          'vk_id',
          'in',
          published.map((d) => d.vk_post_id as number),
        )
        .orderBy('vk_id')
        .execute();
      expect(posts.length).toBe(5);
      const byId = new Map(posts.map((p) => [p.vk_id, p]));
      const post = (i: number) => byId.get(published[i]?.vk_post_id as number);
      expect(post(0)).toMatchObject({
        photos: 2,
        polls: 0,
        text: 'Итоги недели: олимпиада.\n\n#итоги_недели',
      });
      expect(post(1)).toMatchObject({ polls: 1 });
      expect(post(2)).toMatchObject({ clips: 1, videos: 0 });
      expect(post(3)).toMatchObject({ videos: 1, clips: 0 });
      expect(post(4)).toMatchObject({ lives: 1 });
      expect(published[4]?.publish_state_json).toContain('rtmp://');
    });

    it('with only a community token publishes text, and names the user token a poll and a broadcast need', async () => {
      const [page] = await pagesWithTokens(ctx.db, 1, false);
      if (!page?.external_id) throw new Error('no page');
      const text = await createDraft(
        ctx.db,
        federal,
        page.id,
        { kind: 'text', title: 'Текст', text: 'Только текст', content: {} },
        now(),
      );
      const poll = await createDraft(
        ctx.db,
        federal,
        page.id,
        {
          kind: 'poll',
          title: 'Опрос',
          text: 'Голосуем',
          content: { poll: { question: 'Да?', options: ['Да', 'Нет'], multiple: false } },
        },
        now(),
      );
      const live = await createDraft(
        ctx.db,
        federal,
        page.id,
        {
          kind: 'live',
          title: 'Эфир',
          text: 'Линейка',
          content: { title: 'Линейка', startsAt: now() + 86_400 },
        },
        now(),
      );
      // The editor is told beforehand which token each draft lacks: none for text, the user token for the rest.
      const needs = async (id: number) => (await draftDetail(ctx.db, federal, id, now())).publishing;
      expect(await needs(text)).toEqual({ userMethods: [], missing: null });
      expect(await needs(poll)).toEqual({ userMethods: ['polls.create'], missing: 'user' });
      expect(await needs(live)).toEqual({ userMethods: ['video.startStreaming'], missing: 'user' });
      for (const id of [text, poll]) await approveDraft(ctx.db, federal, id, now(), now() - 1);
      const outcomes = await publishDue(ctx.db, vk(), now());
      expect(outcomes.get(text)?.status).toBe('published');
      expect(outcomes.get(poll)).toMatchObject({ status: 'failed' });
      const failed = (await draftFor(ctx.db, federal, poll)).draft;
      expect(failed.last_error).toMatch(/needs a page admin's user token for polls\.create \(VK allows/);
      expect(failed.last_error).toContain(`--kind user --page ${page.id}`);
    });
    it('never publishes twice: a lost commit posts again with the same guid and VK keeps one post', async () => {
      const [page] = await pagesWithTokens(ctx.db, 1);
      if (!page?.external_id) throw new Error('no page');
      const id = await createDraft(
        ctx.db,
        federal,
        page.id,
        { kind: 'text', title: 'Один раз', text: 'Публикуется один раз', content: {} },
        now(),
      );
      await approveDraft(ctx.db, federal, id, now(), now() - 1);
      const before = wallPosts(page.external_id).length;
      await publishDue(ctx.db, vk(), now());
      const first = (await draftFor(ctx.db, federal, id)).draft.vk_post_id;
      // As if the process died after VK's answer: the draft is scheduled again, and goes again.
      await ctx.db.kysely
        .updateTable('planner_drafts')
        .set({ status: 'scheduled', vk_post_id: null })
        .where('id', '=', id)
        .execute();
      await publishDue(ctx.db, vk(), now());
      expect((await draftFor(ctx.db, federal, id)).draft.vk_post_id).toBe(first);
      expect(wallPosts(page.external_id).length).toBe(before + 1);
      // A claim whose process died is released once stale, and published (still once).
      await ctx.db.kysely
        .updateTable('planner_drafts')
        .set({ status: 'publishing', claimed_at: now() - 700 })
        .where('id', '=', id)
        .execute();
      await publishDue(ctx.db, vk(), now());
      expect((await draftFor(ctx.db, federal, id)).draft.status).toBe('published');
      expect(wallPosts(page.external_id).length).toBe(before + 1);
    });

    it('retries transient faults with a growing wait, and fails a refused token with the reason', async () => {
      const [a, b] = await pagesWithTokens(ctx.db, 2, false);
      if (!a || !b) throw new Error('no pages');
      const one = await createDraft(
        ctx.db,
        federal,
        a.id,
        { kind: 'text', title: 'Сбой', text: 'Сбой сети', content: {} },
        now(),
      );
      await approveDraft(ctx.db, federal, one, now(), now() - 1);
      sim.faults.set({ http5xx: 1 });
      const t0 = now();
      const first = await publishDue(ctx.db, vk(), t0);
      expect(first.get(one)).toMatchObject({ status: 'retry', at: t0 + 30 });
      expect((await publishDue(ctx.db, vk(), t0 + 10)).size).toBe(0);
      const second = await publishDue(ctx.db, vk(), t0 + 31);
      expect(second.get(one)).toMatchObject({ status: 'retry', at: t0 + 31 + 60 });
      sim.faults.set({});
      expect((await publishDue(ctx.db, vk(), t0 + 100)).get(one)?.status).toBe('published');
      const two = await createDraft(
        ctx.db,
        federal,
        b.id,
        { kind: 'text', title: 'Токен', text: 'Токен отозван', content: {} },
        now(),
      );
      await approveDraft(ctx.db, federal, two, now(), now() - 1);
      await sim.app.inject({
        method: 'POST',
        url: '/admin/revoke',
        payload: { token: `community-${b.external_id}` },
      });
      expect((await publishDue(ctx.db, vk(), now())).get(two)?.status).toBe('failed');
      // The simulator outlives this test: the token is valid again for the next ones.
      sim.tokens.restore(`community-${b.external_id}`);
      const failed = (await draftFor(ctx.db, federal, two)).draft;
      expect(failed.last_error).toMatch(/VK refused the page's token .*error 5/);
      const notice = await ctx.db.kysely
        .selectFrom('notifications')
        .selectAll()
        .where('kind', '=', 'publish_failed')
        .execute();
      expect(notice.map((n) => n.institution_id)).toEqual([b.institution_id]);
    });

    it("waits out VK's daily post limit (214) with a clear reason, and publishes once the wall admits posts again", async () => {
      const [page] = await pagesWithTokens(ctx.db, 1, false);
      if (!page?.external_id) throw new Error('no page');
      const id = await createDraft(
        ctx.db,
        federal,
        page.id,
        { kind: 'text', title: 'Лимит', text: 'После лимита', content: {} },
        now(),
      );
      await approveDraft(ctx.db, federal, id, now(), now() - 1);
      const t0 = now();
      sim.world.postsPerDay = 0;
      try {
        expect((await publishDue(ctx.db, vk(), t0)).get(id)).toMatchObject({
          status: 'retry',
          at: t0 + 4 * 3600,
        });
      } finally {
        sim.world.postsPerDay = 50;
      }
      const waiting = (await draftFor(ctx.db, federal, id)).draft;
      expect(waiting.status).toBe('scheduled');
      expect(waiting.last_error).toMatch(
        /VK's daily limit of posts on this community's wall is reached \(error 214: at most 50 posts a day\): the post was not made and goes again at \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
      );
      expect((await publishDue(ctx.db, vk(), t0 + 4 * 3600)).get(id)?.status).toBe('published');
    });

    it('takes a contributor’s proposal through the admin and the municipality, inside the page only', async () => {
      const [page, other] = await pagesWithTokens(ctx.db, 2);
      if (!page || !other) throw new Error('no pages');
      const users = createUsers(ctx.db);
      const root = { ...CONSOLE_ACTOR, scope: COUNTRY };
      const scopeOf = {
        level: 'institution' as const,
        regionCode: REGION,
        municipalityId: page.municipality_id,
        institutionId: page.institution_id as number,
      };
      const made = await users.add(root, {
        login: 'page-admin',
        role: 'institution',
        scope: { level: 'institution', institutionId: page.institution_id as number },
        password: 'page-admin-pass-1',
      });
      const pageAdmin = {
        ...admin('institution', scopeOf),
        userId: made.user.id,
        login: 'page-admin',
        ip: '127.0.0.1',
      };
      const invited = await inviteContributor(
        ctx.db,
        pageAdmin,
        page.id,
        { login: 'pupil-7b', name: 'Ученица 7Б', kind: 'pupil' },
        now(),
      );
      expect(invited.password).toMatch(/.{12,}/);
      const pupil = admin('contributor', scopeOf, invited.userId);
      const proposal = await createDraft(
        ctx.db,
        pupil,
        page.id,
        { kind: 'text', title: 'Наш субботник', text: 'Мы убрали парк!', content: {} },
        now(),
      );
      expect((await draftFor(ctx.db, pupil, proposal)).draft.status).toBe('proposed');
      expect(
        (
          await ctx.db.kysely
            .selectFrom('notifications')
            .select('kind')
            .where('institution_id', '=', page.institution_id)
            .execute()
        ).map((n) => n.kind),
      ).toContain('draft_proposed');
      // The contributor sees this page only, and cannot decide.
      const elsewhere = await createDraft(
        ctx.db,
        federal,
        other.id,
        { kind: 'text', title: 'Чужое', text: 'x', content: {} },
        now(),
      );
      await expect(draftFor(ctx.db, pupil, elsewhere)).rejects.toThrow(/no draft/);
      await expect(
        createDraft(ctx.db, pupil, other.id, { kind: 'text', title: 'x', text: 'x', content: {} }, now()),
      ).rejects.toThrow(/no page/);
      await expect(approveDraft(ctx.db, pupil, proposal, now())).rejects.toThrow(/only the page admin/);
      // The admin edits and approves; the page needs the municipality's approval too.
      await setMunicipalityApproval(ctx.db, page.id, true, null, now());
      await editDraft(
        ctx.db,
        pageAdmin,
        proposal,
        { kind: 'text', title: 'Наш субботник', text: 'Ученики 7Б убрали парк!', content: {} },
        now(),
      );
      expect(await approveDraft(ctx.db, pageAdmin, proposal, now(), now() + 3600)).toBe(
        'awaiting_municipality',
      );
      const municipal = admin('municipality', {
        level: 'municipality',
        regionCode: REGION,
        municipalityId: page.municipality_id as number,
      });
      await expect(
        municipalityDecision(ctx.db, pageAdmin, proposal, { approve: true }, now()),
      ).rejects.toThrow(/municipality/);
      await expect(
        municipalityDecision(ctx.db, municipal, proposal, { approve: false }, now()),
      ).rejects.toThrow(/body.comment/);
      await municipalityDecision(ctx.db, municipal, proposal, { approve: true }, now());
      expect((await draftFor(ctx.db, pageAdmin, proposal)).draft.status).toBe('scheduled');
      // A second proposal is rejected with a comment the pupil is told.
      const second = await createDraft(
        ctx.db,
        pupil,
        page.id,
        { kind: 'text', title: 'Фото класса', text: 'Фамилии всех', content: {} },
        now(),
      );
      await expect(rejectDraft(ctx.db, pageAdmin, second, ' ', now())).rejects.toThrow(/body.comment/);
      await rejectDraft(ctx.db, pageAdmin, second, 'Без фамилий детей, пожалуйста', now());
      const told = await ctx.db.kysely
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', invited.userId)
        .execute();
      expect(told.map((n) => JSON.parse(n.params_json).decision)).toEqual(['approved', 'rejected']);
      expect((await draftFor(ctx.db, pupil, second)).draft.review_comment).toBe(
        'Без фамилий детей, пожалуйста',
      );
    });

    it('plans a month: weekly gaps against the frequency, the mix against its targets, and what a draft helps', async () => {
      const [page] = await pagesWithTokens(ctx.db, 1);
      if (!page) throw new Error('no page');
      const plan = await pagePlan(ctx.db, federal, page.id, '2026-12-01', '2026-12-31');
      expect(plan.events.map((e) => e.title.ru)).toEqual(
        expect.arrayContaining(['День Конституции', 'Зимние каникулы']),
      );
      expect(plan.weeks.length).toBe(5);
      for (const w of plan.weeks) expect(w.gap).toBe(w.holidays ? 0 : Math.max(0, 3 - w.planned - w.posted));
      const at = Date.parse('2026-12-09T09:00:00Z') / 1000;
      const poll = await createDraft(
        ctx.db,
        federal,
        page.id,
        {
          kind: 'poll',
          title: 'Опрос',
          text: 'Опрос',
          rubric: 'опрос',
          content: { poll: { question: 'Q?', options: ['a', 'b'] } },
          plannedAt: at,
        },
        now(),
      );
      const detail = await draftDetail(ctx.db, federal, poll, now());
      expect(detail.helps.map((h) => h.en)).toEqual(
        expect.arrayContaining(['adds the first poll this month', 'the 1st of 3 posts this week']),
      );
      const after = await pagePlan(ctx.db, federal, page.id, '2026-12-01', '2026-12-31');
      expect(after.mix.polls).toEqual({ have: 1, target: 1 });
      const week = after.weeks.find((w) => w.start === '2026-12-07');
      expect(week).toMatchObject({ planned: 1, gap: 2 });
    });
  });

  describeEachDialect('regional syndication', (ctx) => {
    it('announces to 500+ pages under VK faults: each page published exactly once, with per-page results', async () => {
      await loadWorld(ctx.db, dir);
      const pages = await pagesWithTokens(ctx.db, 10_000);
      expect(pages.length).toBeGreaterThanOrEqual(500);
      const region = admin('region', { level: 'region', regionCode: REGION });
      const before = new Map(pages.map((p) => [p.id, wallPosts(p.external_id as number).length]));
      const { id, pages: sent } = await syndicate(
        ctx.db,
        region,
        {
          regionCode: REGION,
          mode: 'publish',
          kind: 'poll',
          title: 'Региональный опрос',
          text: 'Уважаемые родители! Примите участие в опросе о летнем отдыхе.',
          rubric: 'опрос',
          content: {
            poll: { question: 'Где отдохнёт ваш ребёнок летом?', options: ['В лагере', 'Дома', 'У родных'] },
          },
        },
        now(),
      );
      expect(sent).toBeGreaterThanOrEqual(500);
      // Transient faults on about a fifth of requests, and answers cut short after VK acted.
      sim.faults.set({ http5xx: 0.1, truncated: 0.05, errors: { '6': 0.03, '10': 0.03 }, seed: 7 });
      let t = now();
      for (let round = 0; round < 20; round++) {
        await publishDue(ctx.db, { baseUrl: vkUrl, secrets: box }, t, { parallel: 8 });
        const left = await ctx.db.kysely
          .selectFrom('planner_drafts')
          .select('id')
          .where('syndication_id', '=', id)
          .where('status', '=', 'scheduled')
          .execute();
        if (left.length === 0) break;
        t += 3700;
      }
      sim.faults.set({});
      // Deleted communities refuse the post (error 15): those pages fail with the reason; all others publish.
      const gone = new Set(world.communities.filter((c) => c.deactivated).map((c) => c.id));
      const status = await syndicationStatus(ctx.db, region, id);
      const byPage = new Map(pages.map((p) => [p.id, p.external_id as number]));
      for (const p of status.pages) {
        if (gone.has(byPage.get(p.pageId) as number)) {
          expect(p.status).toBe('failed');
          expect(p.error).toMatch(/VK error 15/);
        } else expect(p.status, `page ${p.pageId}: ${p.error}`).toBe('published');
      }
      expect(status.counts.published).toBeGreaterThanOrEqual(500);
      expect(status.pages.some((p) => p.attempts > 1)).toBe(true);
      for (const p of pages) {
        if (gone.has(p.external_id as number)) continue;
        const posts = wallPosts(p.external_id as number);
        expect(posts.length, `page ${p.id}`).toBe((before.get(p.id) ?? 0) + 1);
        expect(posts.at(-1)?.attachments).toEqual({ poll: 1 });
      }
      await expect(
        syndicationStatus(ctx.db, admin('region', { level: 'region', regionCode: '99' }), id),
      ).rejects.toThrow(/no syndication/);
    }, 180_000);
  });
});
