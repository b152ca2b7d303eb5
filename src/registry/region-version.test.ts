import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/api.ts';
import { describeEachDialect } from '../../test/db.ts';
import { runAudit } from '../audit/index.ts';
import { loadVersion } from '../methodology/index.ts';

const END = Date.parse('2026-11-29T00:00:00Z') / 1000;
const DAY = 86_400;
const get = (url: string) => ({ method: 'GET' as const, url });
const choose = (code: string, version: string | null) => ({
  method: 'PUT' as const,
  url: `/api/regions/${code}/methodology`,
  payload: { version },
});

describeEachDialect(
  'a region chooses its methodology version',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 20 });
      // Two traffic-light runs after the national ones: the newest run of any version is the traffic light's.
      const svetofor = loadVersion('svetofor');
      for (const end of [END - 7 * DAY, END])
        await runAudit(ctx.db, { version: svetofor, period: { start: end - 7 * DAY, end }, workers: 1 });
    }, 180_000);
    afterAll(async () => {
      await w?.close();
    });

    it('is the national version until the region admin chooses another; the choice is audit-logged', async () => {
      const before = (
        await w.as('municipality_viewer', get(`/api/regions/${w.a.regionCode}/methodology`))
      ).json();
      expect(before).toMatchObject({ version: '2023.1', chosen: false, national: '2023.1' });
      expect(before.available.map((v: { id: string }) => v.id)).toEqual(['2023.1', 'svetofor']);
      const res = await w.as('region', choose(w.a.regionCode, 'svetofor'));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: 'svetofor', chosen: true });
      const log = await ctx.db.kysely
        .selectFrom('audit_log')
        .select(['actor', 'target_id', 'region_code', 'details_json'])
        .where('action', '=', 'region.methodology')
        .execute();
      expect(log).toEqual([
        {
          actor: w.users.region.login,
          target_id: w.a.regionCode,
          region_code: w.a.regionCode,
          details_json: JSON.stringify({ before: '2023.1', after: 'svetofor', chosen: true }),
        },
      ]);
    });

    it('refuses those below the region (403), another region (404) and an unknown version (400)', async () => {
      expect((await w.as('municipality', choose(w.a.regionCode, '2023.1'))).statusCode).toBe(403);
      expect((await w.as('region_viewer', choose(w.a.regionCode, '2023.1'))).statusCode).toBe(403);
      expect((await w.as('region', choose(w.b.regionCode, 'svetofor'))).statusCode).toBe(404);
      expect((await w.as('region', get(`/api/regions/${w.b.regionCode}/methodology`))).statusCode).toBe(404);
      const bad = await w.as('region', choose(w.a.regionCode, '2099.9'));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual([
        { path: 'body.version', message: 'one of 2023.1, svetofor' },
      ]);
      const now = (await w.as('region', get(`/api/regions/${w.a.regionCode}/methodology`))).json();
      expect(now.version).toBe('svetofor');
    });

    it("shows the region's dashboard and open data in the traffic light's colours, its trend over its runs only", async () => {
      const a = (await w.as('region', get(`/api/reports/units/region/${w.a.regionCode}?format=json`))).json();
      expect(a.run.version).toBe('svetofor');
      expect(a.levels).toEqual([
        { id: 'green', title: { ru: 'Зелёный', en: 'Green' }, color: '#1a7f37' },
        { id: 'yellow', title: { ru: 'Жёлтый', en: 'Yellow' }, color: '#8a6d00' },
        { id: 'red', title: { ru: 'Красный', en: 'Red' }, color: '#b42318' },
      ]);
      expect(a.previous.version).toBe('svetofor');
      expect(a.trend).toHaveLength(2);
      const open = (await w.app.inject(get(`/api/open/regions/${w.a.regionCode}/municipalities`))).json();
      expect(open.audit.methodology).toBe('svetofor');
      expect(open.levels).toEqual(['green', 'yellow', 'red']);
      // Region B kept the national version: its newest national run, levels best first.
      const b = (
        await w.as('federal', get(`/api/reports/units/region/${w.b.regionCode}?format=json`))
      ).json();
      expect(b.run.version).toBe('2023.1');
      expect(b.levels.map((l: { id: string }) => l.id)).toEqual([
        'flagship',
        'active',
        'business_card',
        'basic',
        'inactive',
      ]);
      expect(b.previous.version).toBe('2023.1');
    });

    it('goes back to the national version when the federal admin clears the choice', async () => {
      const res = await w.as('federal', choose(w.a.regionCode, null));
      expect(res.json()).toMatchObject({ version: '2023.1', chosen: false });
      const a = (await w.as('region', get(`/api/reports/units/region/${w.a.regionCode}?format=json`))).json();
      expect(a.run.version).toBe('2023.1');
    });
  },
  { shared: true },
);
