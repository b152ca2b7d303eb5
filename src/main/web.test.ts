import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, multipart } from '../../test/api.ts';
import { describeEachDialect } from '../../test/db.ts';
import { bumpVersion } from '../platform/db.ts';

const get = (url: string) => ({ method: 'GET' as const, url });

describeEachDialect(
  'the HTTP API',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 40 });
    }, 120_000);
    afterAll(() => w?.close());

    it('serves a valid OpenAPI 3 document that covers every /api route', async () => {
      const res = await w.app.inject(get('/api/docs/json'));
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      await SwaggerParser.validate(structuredClone(doc));
      const documented = new Set(
        Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
          Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
        ),
      );
      const routes = w.app.routeTable
        .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
        .map((r) => `${r.method} ${r.url}`);
      expect(routes.length).toBeGreaterThan(25);
      expect(routes.filter((r) => !documented.has(r))).toEqual([]);
      const ui = await w.app.inject(get('/api/docs'));
      expect(ui.statusCode).toBe(200);
      // Plain HTTP on loopback: a policy that upgrades requests to HTTPS would break the page.
      expect(String(ui.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
      const api = await w.app.inject(get('/healthz'));
      expect(String(api.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    });

    it('answers bad input with 400 and the path of every bad field', async () => {
      const bad = await w.as('region', {
        method: 'POST',
        url: '/api/users',
        payload: { login: 'x', role: 'emperor', scope: { level: 'galaxy' } },
      });
      expect(bad.statusCode).toBe(400);
      const body = bad.json();
      expect(body.error.code).toBe('VALIDATION');
      const paths = body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['body.login', 'body.role', 'body.scope.level']));
      const query = await w.as('region', get('/api/pages?size=0&sort=sideways&scoreMin=abc'));
      expect(query.statusCode).toBe(400);
      expect(query.json().error.details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(['querystring.size', 'querystring.sort', 'querystring.scoreMin']),
      );
      const param = await w.as('region', get('/api/pages/abc'));
      expect(param.statusCode).toBe(400);
      expect(param.json().error.details[0].path).toBe('params.id');
      const notJson = await w.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: '{"login":',
        headers: { 'content-type': 'application/json' },
      });
      expect(notJson.statusCode).toBe(400);
      expect(Object.keys(notJson.json())).toEqual(['error']);
    });

    it('follows the 401 / 403 / 404 policy', async () => {
      expect((await w.app.inject(get('/api/pages'))).statusCode).toBe(401);
      // A permission the role lacks is 403, whatever the resource.
      expect((await w.as('region_viewer', get('/api/users'))).statusCode).toBe(403);
      expect((await w.as('trainer', get(`/api/pages/${w.a.pageId}/comments`))).statusCode).toBe(403);
      // Something outside the scope is 404, exactly as something that does not exist.
      const foreign = await w.as('region', get(`/api/pages/${w.b.pageId}`));
      const missing = await w.as('region', get('/api/pages/99999999'));
      expect(foreign.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(foreign.json().error.code).toBe(missing.json().error.code);
      expect((await w.as('region', get(`/api/pages?region=${w.b.regionCode}`))).statusCode).toBe(404);
      expect((await w.as('region', get('/api/no-such-route'))).json().error.code).toBe('NOT_FOUND');
    });

    it('pages lists within bounds: pages are disjoint, cover the list, and stop at the total', async () => {
      expect((await w.as('federal', get('/api/pages?size=101'))).statusCode).toBe(400);
      expect((await w.as('federal', get('/api/pages?page=0'))).statusCode).toBe(400);
      const first = (await w.as('federal', get('/api/pages?size=7&sort=-score'))).json();
      const total = first.total as number;
      expect(total).toBeGreaterThan(14);
      const seen: number[] = [];
      let previousScore = Number.POSITIVE_INFINITY;
      for (let page = 1; (page - 1) * 7 < total; page++) {
        const res = (await w.as('federal', get(`/api/pages?size=7&sort=-score&page=${page}`))).json();
        for (const item of res.items) {
          seen.push(item.id);
          if (item.score !== null) {
            expect(item.score).toBeLessThanOrEqual(previousScore);
            previousScore = item.score;
          }
        }
      }
      expect(new Set(seen).size).toBe(total);
      const beyond = (
        await w.as('federal', get(`/api/pages?size=7&page=${Math.ceil(total / 7) + 1}`))
      ).json();
      expect(beyond).toMatchObject({ items: [], total });
    });

    it('filters and sorts pages, with score, level and trend from the newest audit', async () => {
      const all = (await w.as('federal', get('/api/pages?size=100'))).json();
      const level = all.items.find((p: { level: string | null }) => p.level)?.level as string;
      const filtered = (await w.as('federal', get(`/api/pages?size=100&level=${level}`))).json();
      expect(filtered.items.length).toBeGreaterThan(0);
      for (const p of filtered.items) expect(p.level).toBe(level);
      const scored = (await w.as('federal', get('/api/pages?size=100&scoreMin=50&sort=name'))).json();
      for (const p of scored.items) expect(p.score).toBeGreaterThanOrEqual(50);
      const names = scored.items.map((p: { institution: { fullName: string } }) => p.institution.fullName);
      expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
      const detail = (await w.as('federal', get(`/api/pages/${w.a.pageId}`))).json();
      expect(detail.history).toHaveLength(2);
      expect(detail.latest.runId).toBe(w.runId);
      expect(detail.trend).toBeCloseTo(detail.history[0].score - detail.history[1].score, 5);
      const byInn = (await w.as('federal', get(`/api/pages?q=${w.a.inn}`))).json();
      expect(byInn.items.map((p: { institution: { id: number } }) => p.institution.id)).toContain(
        w.a.institutionId,
      );
    });

    it('rolls up by region and municipality: levels add up to the audited pages, coverage counts verified pages', async () => {
      const byRegion = (await w.as('federal', get('/api/rollups'))).json();
      expect(byRegion.rows).toHaveLength(2);
      const results = await ctx.db.kysely
        .selectFrom('audit_page_results')
        .select(['region_code', 'level', 'verified', 'institution_id', 'total'])
        .where('run_id', '=', w.runId)
        .execute();
      for (const row of byRegion.rows) {
        const mine = results.filter((r) => r.region_code === row.key);
        expect(row.audited).toBe(mine.length);
        expect(Object.values(row.levels as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
          mine.length,
        );
        expect(row.covered).toBe(
          new Set(mine.filter((r) => r.verified === 1).map((r) => r.institution_id)).size,
        );
        const mean = mine.reduce((s, r) => s + r.total, 0) / mine.length;
        expect(row.meanScore).toBeCloseTo(mean, 1);
      }
      expect(byRegion.total.audited).toBe(results.length);
      const byMunicipality = (await w.as('region', get('/api/rollups?by=municipality'))).json();
      const sum = byMunicipality.rows.reduce(
        (s: number, r: { institutions: number }) => s + r.institutions,
        0,
      );
      expect(sum).toBe(byRegion.rows.find((r: { key: string }) => r.key === w.a.regionCode).institutions);
    });

    it('reports a page with rules, evidence, percentiles and recommendations, in either language', async () => {
      const ru = (await w.as('institution', get(`/api/pages/${w.a.pageId}/report`))).json();
      const en = (await w.as('institution', get(`/api/pages/${w.a.pageId}/report?lang=en`))).json();
      expect(ru.rules).toHaveLength(35);
      expect(ru.total).toBe(en.total);
      expect(ru.levelTitle).not.toBe(en.levelTitle);
      // Percentiles only where a page has peers: 5 pages or more of its kind in its region.
      const groups = await ctx.db.kysely
        .selectFrom('audit_peer_stats')
        .select(['kind', 'n'])
        .where('run_id', '=', w.runId)
        .where('region_code', '=', w.a.regionCode)
        .where('kind', '!=', '*')
        .execute();
      const compared = (kind: string) => groups.some((g) => g.kind === kind && Number(g.n) >= 5);
      const pagesOfRegion = await ctx.db.kysely
        .selectFrom('pages')
        .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
        .select(['pages.id', 'institutions.kind'])
        .where('institutions.region_code', '=', w.a.regionCode)
        .where('pages.platform', '=', 'vk')
        .execute();
      const withPercentile = async (pageId: number) =>
        (await w.as('region', get(`/api/pages/${pageId}/report`)))
          .json()
          .rules.some((r: { percentile: number | null }) => r.percentile !== null);
      // This small world's groups are all under 5 (src/audit/audit-run.test.ts shows a larger group's percentiles).
      for (const p of pagesOfRegion)
        expect(await withPercentile(p.id), `page ${p.id}`).toBe(compared(p.kind));
      const failed = ru.rules.filter((r: { status: string }) => r.status === 'fail');
      expect(ru.recommendations.length).toBeGreaterThanOrEqual(Math.min(1, failed.length));
      const older = await w.as('institution', get(`/api/pages/${w.a.pageId}/report?run=${w.runId - 1}`));
      expect(older.json().runId).toBe(w.runId - 1);
    });

    it('previews a registry upload without writing, imports it, and keeps the row-level error report', async () => {
      const count = async () =>
        (
          await ctx.db.kysely
            .selectFrom('institutions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const before = Number(await count());
      const csv = `inn,ogrn,full_name,kind,region_code,municipality\n7707083893,,"Школа № 1 тестовая",school,${w.a.regionCode},"${w.a.municipality}"\n`;
      const preview = await w.as('municipality', {
        method: 'POST',
        url: '/api/registry/uploads?dryRun=1&lang=en',
        ...multipart('new.csv', csv),
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({ status: 'previewed', rows: 1, created: 1, problems: [] });
      expect(Number(await count())).toBe(before);
      const real = await w.as('municipality', {
        method: 'POST',
        url: '/api/registry/uploads',
        ...multipart('new.csv', csv),
      });
      expect(real.json()).toMatchObject({ status: 'imported', created: 1 });
      expect(Number(await count())).toBe(before + 1);
      const broken = `inn,ogrn,full_name,kind,region_code,municipality\n123,,"Школа",school,${w.a.regionCode},"${w.a.municipality}"\n7707083893,,"Школа",planet,${w.b.regionCode},x\n`;
      const rejected = await w.as('municipality', {
        method: 'POST',
        url: '/api/registry/uploads?lang=en',
        ...multipart('bad.csv', broken),
      });
      expect(rejected.statusCode).toBe(200);
      const report = rejected.json();
      expect(report.status).toBe('rejected');
      expect(report.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`)).toEqual(
        expect.arrayContaining(['2:inn', '3:kind']),
      );
      expect(report.problems[0].message).toMatch(/INN/);
      expect(Number(await count())).toBe(before + 1);
      const again = (await w.as('municipality', get(`/api/registry/uploads/${report.id}`))).json();
      expect(again.problems).toEqual(report.problems);
      const list = (await w.as('municipality', get('/api/registry/uploads'))).json();
      expect(list.items.map((u: { status: string }) => u.status).slice(0, 3)).toEqual([
        'rejected',
        'imported',
        'previewed',
      ]);
      const notCsv = await w.as('municipality', {
        method: 'POST',
        url: '/api/registry/uploads',
        ...multipart('x.exe', 'MZ'),
      });
      expect(notCsv.statusCode).toBe(400);
      const noFile = await w.as('municipality', {
        method: 'POST',
        url: '/api/registry/uploads',
        payload: {},
      });
      expect(noFile.statusCode).toBe(400);
    });

    it('caches heavy reads per scope until the data changes, in every process alike', async () => {
      const url = `/api/rollups?by=municipality&region=${w.a.regionCode}`;
      const first = await w.as('region', get(url));
      const second = await w.as('region', get(url));
      expect(second.headers['x-cache']).toBe('hit');
      expect(first.headers['cache-control']).toBe('private, no-cache');
      expect(second.headers['cache-control']).toBe('private, no-cache');
      expect(second.body).toBe(first.body);
      // Another scope never gets this scope's cached answer.
      const municipal = await w.as('municipality', get(url));
      expect(municipal.body).not.toBe(first.body);
      const before = first.json().total.institutions as number;
      const csv = `inn,ogrn,full_name,kind,region_code,municipality\n7736050003,,"Детский сад для кэша",kindergarten,${w.a.regionCode},"${w.a.municipality}"\n`;
      const upload = await w.as('region', {
        method: 'POST',
        url: '/api/registry/uploads',
        ...multipart('c.csv', csv),
      });
      expect(upload.json().status).toBe('imported');
      const after = await w.as('region', get(url));
      expect(after.headers['x-cache']).toBe('miss');
      expect(after.json().total.institutions).toBe(before + 1);
      // A collection changes pages' status and collection time: page lists go stale, roll-ups do not.
      const list = `/api/pages?region=${w.a.regionCode}`;
      await w.as('region', get(list));
      expect((await w.as('region', get(list))).headers['x-cache']).toBe('hit');
      await bumpVersion(ctx.db, 'collection');
      expect((await w.as('region', get(list))).headers['x-cache']).toBe('miss');
      expect((await w.as('region', get(url))).headers['x-cache']).toBe('hit');
    });

    it('answers health and readiness, echoes request ids, and sends security headers', async () => {
      expect((await w.app.inject(get('/healthz'))).json()).toEqual({ status: 'ok' });
      expect((await w.app.inject(get('/readyz'))).statusCode).toBe(200);
      const res = await w.app.inject({ ...get('/healthz'), headers: { 'x-request-id': 'abc-123' } });
      expect(res.headers['x-request-id']).toBe('abc-123');
      const fresh = await w.app.inject(get('/healthz'));
      expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      const heavy = await w.as('federal', get('/api/rollups'));
      const etag = heavy.headers.etag as string;
      expect(etag).toBeTruthy();
      const again = await w.as('federal', { ...get('/api/rollups'), headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
    });
  },
  { shared: true },
);
