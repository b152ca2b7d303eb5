// Date and time parameters are real calendar values in 2000–2100 on every route: a date before year 1 once sent
// the planner's week loop round for ever (the process hung and grew past 2 GB), and a seminar's
// "2026-13-45T25:61" was stored as 2027-02-15. Each bad value is a 400 naming the field, and nothing is written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../api.ts';
import { BAD_DATES, BAD_LOCAL_TIMES } from '../calendar-edges.ts';
import { describeEachDialect } from '../db.ts';

const fieldsOf = (body: string) =>
  ((JSON.parse(body) as { error: { details?: { path: string }[] } }).error.details ?? []).map((d) => d.path);

describeEachDialect(
  'calendar dates on every route',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 30 });
    }, 120_000);
    afterAll(() => w?.close());

    it('answers a plan from year 0 with a 400 at once instead of looping for ever', async () => {
      const res = await w.as('contributor', {
        method: 'GET',
        url: `/api/planner/pages/${w.a.pageId}/plan?from=0000-01-01&to=0000-01-02`,
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['querystring.from', 'querystring.to']);
    }, 10_000); // Before the fix the request never ended; a short timeout makes that a failure, not a wait.

    it('refuses every non-calendar date in a plan, names the field, and still plans a real month', async () => {
      for (const bad of BAD_DATES) {
        const res = await w.as('contributor', {
          method: 'GET',
          url: `/api/planner/pages/${w.a.pageId}/plan?from=${bad}&to=2026-11-30`,
        });
        expect([bad, res.statusCode, fieldsOf(res.body)]).toEqual([bad, 400, ['querystring.from']]);
      }
      const tooLong = await w.as('contributor', {
        method: 'GET',
        url: `/api/planner/pages/${w.a.pageId}/plan?from=2026-01-01&to=2026-12-31`,
      });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().error.message).toMatch(/^query\.to: /);
      const month = await w.as('contributor', {
        method: 'GET',
        url: `/api/planner/pages/${w.a.pageId}/plan?from=2026-11-01&to=2026-11-30`,
      });
      expect(month.statusCode).toBe(200);
      // 1 November 2026 is a Sunday, 30 November a Monday: six whole weeks around the month.
      expect(month.json().weeks.map((x: { start: string }) => x.start)).toEqual([
        '2026-10-26',
        '2026-11-02',
        '2026-11-09',
        '2026-11-16',
        '2026-11-23',
        '2026-11-30',
      ]);
    });

    it('refuses a seminar starting at a local time that does not exist, and stores nothing', async () => {
      const seminar = (startsLocal: string) => ({
        title: 'Calendar edges',
        programme: [],
        organiserKind: 'regional_centre',
        organiser: 'Regional centre',
        trainers: [],
        format: 'online',
        link: 'https://example.org/room',
        startsLocal,
        durationMinutes: 60,
        regionCode: w.a.regionCode,
        capacity: 10,
        audience: {},
      });
      const count = async () =>
        Number(
          (
            await ctx.db.kysely
              .selectFrom('seminars')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      for (const bad of BAD_LOCAL_TIMES) {
        const res = await w.as('region', { method: 'POST', url: '/api/seminars', payload: seminar(bad) });
        expect([bad, res.statusCode, fieldsOf(res.body)]).toEqual([bad, 400, ['body.startsLocal']]);
      }
      expect(await count()).toBe(before);
      const good = await w.as('region', {
        method: 'POST',
        url: '/api/seminars',
        payload: seminar('2026-12-15T15:00'),
      });
      expect(good.statusCode).toBe(200);
    });

    it('refuses non-calendar dates and out-of-range instants in the other date parameters', async () => {
      const cases: [string, string, 'GET' | 'POST', string[], object?][] = [
        ['effect', '/api/seminars/effect?from=2026-02-30&to=2026-03-31', 'GET', ['querystring.from']],
        [
          'report',
          `/api/reports/units/region/${w.a.regionCode}?format=json&asOf=0000-01-01`,
          'GET',
          ['querystring.asOf'],
        ],
        [
          'posts',
          `/api/pages/${w.a.pageId}/posts?from=-1&to=99999999999`,
          'GET',
          ['querystring.from', 'querystring.to'],
        ],
        ['comments', `/api/pages/${w.a.pageId}/comments?from=1`, 'GET', ['querystring.from']],
      ];
      for (const [name, url, method, fields, payload] of cases) {
        const res = await w.as('federal', { method, url, ...(payload ? { payload } : {}) });
        expect([name, res.statusCode, fieldsOf(res.body)]).toEqual([name, 400, fields]);
      }
    });
  },
  { shared: true },
);
