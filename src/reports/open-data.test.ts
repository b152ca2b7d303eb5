import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, multipart } from '../../test/api.ts';
import { describeEachDialect } from '../../test/db.ts';
import { openDataSchema } from './open-data.contract.ts';

const get = (url: string) => ({ method: 'GET' as const, url });

/** Every field open data may carry: units of the territory and counts, nothing about people or institutions. */
const ALLOWED_FIELDS = new Set([
  'audit',
  'runId',
  'methodology',
  'periodStart',
  'periodEnd',
  'unit',
  'levels',
  'rows',
  'code',
  'nameRu',
  'nameEn',
  'institutions',
  'institutionsWithPage',
  'pagesAudited',
  'institutionsCovered',
  'coverage',
  'meanScore',
  'networks',
  'vk',
  'ok',
  'max',
  'meetsLegalDuty',
]);

function fieldsOf(schema: unknown, out = new Set<string>()): Set<string> {
  if (schema && typeof schema === 'object') {
    const s = schema as { properties?: Record<string, unknown> };
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      out.add(name);
      fieldsOf(sub, out);
    }
    for (const value of Object.values(schema)) if (value && typeof value === 'object') fieldsOf(value, out);
  }
  return out;
}

describeEachDialect(
  'open data',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 40 });
    }, 120_000);
    afterAll(() => w?.close());

    it('documents only aggregate fields, and its bodies name no institution and no person', async () => {
      const doc = (await w.app.inject(get('/api/docs/json'))).json();
      const fields = fieldsOf(doc.paths['/api/open/regions'].get.responses['200']);
      const extra = [...fields].filter((f) => !ALLOWED_FIELDS.has(f));
      // Level names are the only other keys (the record's values), and they are not declared as properties.
      expect(extra).toEqual([]);
      const res = await w.app.inject(get('/api/open/regions'));
      expect(res.statusCode).toBe(200);
      const body = openDataSchema.parse(res.json());
      const people = await ctx.db.kysely.selectFrom('institutions').select(['full_name', 'inn']).execute();
      for (const p of people) {
        expect(res.body).not.toContain(p.full_name);
        if (p.inn) expect(res.body).not.toContain(p.inn);
      }
      const comments = await ctx.db.kysely.selectFrom('comments').select('from_id').limit(50).execute();
      for (const c of comments) expect(res.body).not.toContain(String(c.from_id));
      expect(body.rows).toHaveLength(2);
      // A cached answer keeps the route's own caching policy.
      const again = await w.app.inject(get('/api/open/regions'));
      expect(again.headers['x-cache']).toBe('hit');
      expect(again.headers['cache-control']).toBe('public, max-age=300');
    });

    it('agrees with the roll-up an operator sees', async () => {
      const open = (await w.app.inject(get('/api/open/regions'))).json();
      const rollup = (await w.as('federal', get('/api/rollups'))).json();
      for (const row of open.rows) {
        const same = rollup.rows.find((r: { key: string }) => r.key === row.code);
        expect(row).toMatchObject({
          institutions: same.institutions,
          pagesAudited: same.audited,
          institutionsCovered: same.covered,
          meanScore: same.meanScore,
        });
      }
      // Presence per network agrees with the coverage an operator sees, region by region.
      for (const row of open.rows) {
        const c = (await w.as('federal', get(`/api/network-coverage?region=${row.code}`))).json();
        expect(row.networks).toEqual({
          vk: c.on.vk,
          ok: c.on.ok,
          max: c.on.max,
          meetsLegalDuty: c.meetsLegalDuty,
        });
      }
      expect(open.audit.methodology).toBe('2023.1');
      expect(open.audit.periodEnd).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('downloads CSV for Excel: BOM, semicolons, quoted names, formulas escaped; commas on request', async () => {
      // A municipality whose name a spreadsheet would run as a formula, brought in by a registry upload.
      const name = '=HYPERLINK("http://evil.example";"Район; центр")';
      const csv = `inn,ogrn,full_name,kind,region_code,municipality\n7736050003,,"Школа для CSV",school,${w.a.regionCode},"${name.replaceAll('"', '""')}"\n`;
      expect(
        (
          await w.as('federal', { method: 'POST', url: '/api/registry/uploads', ...multipart('m.csv', csv) })
        ).json().status,
      ).toBe('imported');
      const res = await w.app.inject(get(`/api/open/regions/${w.a.regionCode}/municipalities?format=csv`));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toContain('publica-open-data-by-municipality.csv');
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      const lines = res.body.slice(1).trimEnd().split('\r\n');
      expect(lines[0]?.startsWith('code;name_ru;name_en;institutions;')).toBe(true);
      const evil = lines.find((l) => l.includes('HYPERLINK'));
      expect(evil).toContain(`"'=HYPERLINK(""http://evil.example"";""Район; центр"")"`);
      const comma = await w.app.inject(get('/api/open/regions?format=csv&delimiter=comma'));
      expect(comma.body.slice(1).split('\r\n')[0]?.startsWith('code,name_ru,name_en,')).toBe(true);
      expect(comma.body.slice(1).trimEnd().split('\r\n')).toHaveLength(3);
      expect((await w.app.inject(get('/api/open/regions/99x/municipalities'))).statusCode).toBe(404);
    });
  },
  { shared: true },
);
