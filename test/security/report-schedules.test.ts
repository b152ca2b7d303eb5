// A report schedule is checked before it is written: a zone Intl does not know ("Mars/Olympus") was once stored,
// answered 500, and then failed every scheduler tick, so jobs sorted after it (seminar reminders, other
// reports) stopped firing. Refused too: a seconds field and anything more often than hourly.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../api.ts';
import { describeEachDialect } from '../db.ts';

describeEachDialect(
  'report schedules refuse bad time zones and crons before writing',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 30 });
    }, 120_000);
    afterAll(() => w?.close());

    const rows = async () =>
      [
        (await ctx.db.kysely.selectFrom('report_schedules').select('id').execute()).length,
        (await ctx.db.kysely.selectFrom('job_schedules').select('name').execute()).length,
      ].join(',');
    const schedule = (cron: string, tz?: string) =>
      w.as('municipality', {
        method: 'POST',
        url: '/api/reports/schedules',
        payload: { level: 'municipality', key: String(w.a.municipalityId), cron, ...(tz ? { tz } : {}) },
      });

    it('answers 400 naming the field, and stores nothing', async () => {
      const before = await rows();
      const cases: [string, string | undefined, string][] = [
        ['0 7 * * 1', 'Mars/Olympus', 'body.tz'],
        ['0 7 * * 1', 'Europe/Nowhere', 'body.tz'],
        ['* * * * *', undefined, 'body.cron'],
        ['*/30 * * * *', undefined, 'body.cron'],
        ['0,30 7 * * *', undefined, 'body.cron'],
        ['* * * * * *', undefined, 'body.cron'],
        ['0 0 7 * * 1', undefined, 'body.cron'],
        ['61 7 * * 1', undefined, 'body.cron'],
      ];
      for (const [cron, tz, field] of cases) {
        const res = await schedule(cron, tz);
        const details = (res.json().error?.details ?? []) as { path: string }[];
        expect([cron, tz, res.statusCode, details.map((d) => d.path)]).toEqual([cron, tz, 400, [field]]);
      }
      expect(await rows()).toBe(before);
    });

    it('takes an hourly or rarer five-field cron in a real zone', async () => {
      for (const [cron, tz] of [
        ['0 * * * *', 'Asia/Vladivostok'],
        ['15 7 1 * *', 'Europe/Kaliningrad'],
      ] as const) {
        const res = await schedule(cron, tz);
        expect(res.statusCode, res.body).toBe(200);
      }
    });
  },
  { shared: true },
);
