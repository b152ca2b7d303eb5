// Escalation stored and shown, on both dialects: the scheduled pass records each overdue question's moves to
// the municipality's and the region's queues once (a second pass, as after a restart, records nothing), at the
// moments the region's setting and the page's working calendar give; the municipality's supervisors see what
// moved to them, the region's what moved to the region; a region's operators set its hours, no one else.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/api.ts';
import { describeEachDialect } from '../../test/db.ts';
import { addEventComment } from '../collect/index.ts';
import { COUNTRY } from '../platform/scope.ts';
import { worldEnd } from '../vk-sim/index.ts';
import { escalateOverdue, escalationJobs, INBOX_ESCALATE } from './escalate.job.ts';
import { escalationsOf } from './escalation.repo.ts';
import { escalationOf } from './escalation.ts';
import { calendarOf, listInbox } from './inbox.service.ts';
import { listQueue } from './queue.service.ts';
import { addWorkingSeconds } from './working-hours.ts';

const NOW = worldEnd({ asOf: '2026-11-29' });
type Item = {
  commentId: number;
  pageId: number;
  dueAt: number;
  escalation: { level: string; history: { level: string; at: number }[] } | null;
};

describeEachDialect(
  'escalation stored and shown',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 30 });
    });
    afterAll(() => w?.close());

    const queue = async (role: 'municipality' | 'region' | 'federal', query = '') => {
      const res = await w.as(role, { method: 'GET', url: `/api/inbox?kind=all&size=100${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Item[]; total: number };
    };

    it('records each move once at the moment the deadline and the setting give, and again nothing after a restart', async () => {
      const [job] = escalationJobs(ctx.db);
      expect(job?.queue).toBe(INBOX_ESCALATE);
      const first = await escalateOverdue(ctx.db, NOW);
      expect(first.overdue).toBeGreaterThan(0);
      expect(first.moved).toBeGreaterThan(0);
      // The pass run again (a second scheduler tick, or a worker restarted mid-way) records nothing new.
      expect(await escalateOverdue(ctx.db, NOW)).toEqual({ overdue: first.overdue, moved: 0 });

      const federal = {
        userId: w.users.federal.id,
        login: w.users.federal.login,
        scope: COUNTRY,
        permissions: new Set(['comments.read', 'comments.answer']),
      };
      const all = await listQueue(ctx.db, federal, { kind: 'all' }, { page: 1, size: 100_000 }, NOW);
      const moved = all.items.filter((i) => i.escalation);
      expect(moved.length).toBeGreaterThan(0);
      const late = await listInbox(
        ctx.db,
        { userId: 0, scope: COUNTRY },
        { overdue: true },
        { page: 1, size: 1e6 },
        NOW,
      );
      const page = await ctx.db.kysely
        .selectFrom('pages')
        .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
        .innerJoin('regions', 'regions.code', 'institutions.region_code')
        .select(['pages.id', 'institutions.region_code', 'regions.timezone'])
        .execute();
      let compared = 0;
      for (const item of moved) {
        const source = late.items.find((i) => i.commentId === item.commentId);
        if (!source) continue; // a message
        compared++;
        const placement = page.find((p) => p.id === item.pageId) ?? null;
        const expected = escalationOf(source.dueAt, null, NOW, calendarOf(placement, NOW, []));
        expect(item.escalation?.history).toEqual(expected.history);
        expect(item.escalation?.level).toBe(expected.level);
      }
      expect(compared).toBeGreaterThan(0);
    });

    it("shows the municipality's supervisors what moved to them and the region's what moved to the region", async () => {
      await escalateOverdue(ctx.db, NOW);
      const municipal = (await queue('municipality', '&escalated=1')).items;
      expect(municipal.length).toBeGreaterThan(0);
      expect(municipal.every((i) => i.escalation !== null)).toBe(true);
      const ownPages = new Set(
        (
          await ctx.db.kysely
            .selectFrom('pages')
            .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
            .select('pages.id')
            .where('institutions.municipality_id', '=', w.a.municipalityId)
            .execute()
        ).map((p) => p.id),
      );
      expect(municipal.every((i) => ownPages.has(i.pageId))).toBe(true);
      const regional = (await queue('region', '&escalated=1')).items;
      expect(regional.every((i) => i.escalation?.level === 'region')).toBe(true);
      // Without the filter the municipality's queue still holds the rest, each with its escalation or none.
      expect((await queue('municipality')).total).toBeGreaterThan(municipal.length);
    });

    it("lets a region's operators set its hours, refuses everyone else and bad settings, and the pass follows the setting", async () => {
      const url = `/api/inbox/escalation/${w.a.regionCode}`;
      const before = await w.as('municipality', { method: 'GET', url });
      expect(before.json()).toMatchObject({
        toMunicipalityAfterHours: 9,
        toRegionAfterHours: 27,
        isDefault: true,
      });
      const denied = await w.as('municipality', {
        method: 'PUT',
        url,
        payload: { toMunicipalityAfterHours: 1, toRegionAfterHours: 2 },
      });
      expect(denied.statusCode).toBe(403);
      const other = await w.as('region', {
        method: 'PUT',
        url: `/api/inbox/escalation/${w.b.regionCode}`,
        payload: { toMunicipalityAfterHours: 1, toRegionAfterHours: 2 },
      });
      expect(other.statusCode).toBe(404);
      const backwards = await w.as('region', {
        method: 'PUT',
        url,
        payload: { toMunicipalityAfterHours: 5, toRegionAfterHours: 2 },
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.message).toMatch(/body\.toRegionAfterHours/);
      expect((await w.as('region', { method: 'GET', url })).json().isDefault).toBe(true);

      // A question asked an hour before the end of the world, looked at 3 working hours past its deadline:
      // by default it stays on the page; with the region's 1 and 2 hours it has reached the region.
      await addEventComment(
        ctx.db,
        {
          pageId: w.a.pageId,
          postVkId: w.a.postVkId,
          vkId: 9_900_001,
          fromId: 4242,
          isFromCommunity: false,
          postedAt: NOW - 3600,
          replyTo: null,
          threadRoot: null,
          text: 'Когда починят отопление в спортзале?',
        },
        NOW,
      );
      const federal = { userId: w.users.federal.id, scope: COUNTRY };
      const asked = (
        await listInbox(ctx.db, federal, { pageId: w.a.pageId }, { page: 1, size: 1e5 }, NOW)
      ).items.find((i) => i.vkId === 9_900_001);
      if (!asked) throw new Error('the new question is not in the inbox');
      const page = await ctx.db.kysely
        .selectFrom('regions')
        .select('timezone')
        .where('code', '=', w.a.regionCode)
        .executeTakeFirstOrThrow();
      const cal = calendarOf({ timezone: page.timezone, region_code: w.a.regionCode }, NOW, []);
      const later = addWorkingSeconds(asked.dueAt, 3 * 3600, cal);
      const stored = () => escalationsOf(ctx.db, 'comment', [asked.commentId]);
      await escalateOverdue(ctx.db, later);
      expect(await stored()).toEqual([]);

      const set = await w.as('region', {
        method: 'PUT',
        url,
        payload: { toMunicipalityAfterHours: 1, toRegionAfterHours: 2 },
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({
        toMunicipalityAfterHours: 1,
        toRegionAfterHours: 2,
        isDefault: false,
      });
      expect((await escalateOverdue(ctx.db, later)).moved).toBeGreaterThan(0);
      expect((await stored()).map((m) => [m.level, m.moved_at])).toEqual([
        ['municipality', addWorkingSeconds(asked.dueAt, 3600, cal)],
        ['region', addWorkingSeconds(asked.dueAt, 7200, cal)],
      ]);
    });
  },
  { shared: true },
);
