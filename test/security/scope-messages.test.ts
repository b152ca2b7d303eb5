// Something outside the caller's scope is answered exactly like something that does not exist: the texts once
// differed ("no municipality municipality:56/3 in your scope" against "no municipality 999"), so probing ids
// listed what exists in other regions, and even which region each lies in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../api.ts';
import { describeEachDialect } from '../db.ts';

const MISSING = 999_999;

describeEachDialect(
  'one answer for outside the scope and for nowhere',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 30 });
    }, 120_000);
    afterAll(() => w?.close());

    it('gives the same 404 text, but for the id itself, for an id of another region and an unknown one', async () => {
      type Probe = [
        string,
        'GET' | 'POST',
        (id: string | number) => string,
        ((id: string | number) => object)?,
      ];
      const probes: [Probe, string | number][] = [
        [
          ['unit report', 'GET', (id) => `/api/reports/units/municipality/${id}?format=json`],
          w.b.municipalityId,
        ],
        [['region report', 'GET', (id) => `/api/reports/units/region/${id}?format=json`], w.b.regionCode],
        [
          [
            'report schedule',
            'POST',
            () => '/api/reports/schedules',
            (id) => ({ level: 'municipality', key: String(id), cron: '0 7 * * 1' }),
          ],
          w.b.municipalityId,
        ],
        [
          [
            'user',
            'POST',
            () => '/api/users',
            (id) => ({
              login: `probe-${id}`,
              role: 'municipality_viewer',
              scope: { level: 'municipality', municipalityId: id },
            }),
          ],
          w.b.municipalityId,
        ],
        [['municipality', 'GET', (id) => `/api/municipalities/${id}`], w.b.municipalityId],
        [['institution', 'GET', (id) => `/api/institutions/${id}`], w.b.institutionId],
        [['page', 'GET', (id) => `/api/pages/${id}`], w.b.pageId],
        [['institutions filter', 'GET', (id) => `/api/institutions?municipality=${id}`], w.b.municipalityId],
      ];
      for (const [[name, method, url, body], outside] of probes) {
        const call = (id: string | number) =>
          w.as('region', { method, url: url(id), ...(body ? { payload: body(id) } : {}) });
        const missing = typeof outside === 'number' ? MISSING : '99';
        const [a, b] = [await call(outside), await call(missing)];
        expect([name, a.statusCode, b.statusCode]).toEqual([name, 404, 404]);
        const text = (res: typeof a, id: string | number) =>
          (res.json().error.message as string).replaceAll(String(id), '<id>');
        expect([name, text(a, outside)]).toEqual([name, text(b, missing)]);
        // Nothing found by the lookup leaks either, such as the region the outside municipality lies in.
        expect([name, text(a, outside)]).not.toEqual([name, expect.stringMatching(/\/\d|:\d/)]);
      }
    });
  },
  { shared: true },
);
