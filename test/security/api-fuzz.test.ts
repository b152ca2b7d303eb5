// Every API operation of the OpenAPI document, called with random and hostile input (fast-check): path and query
// values of every type and none, bodies of random JSON and of the right shape with wrong values. The server
// never answers 5xx, a 400 names the field that was wrong, and a refused write changes no row.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../api.ts';
import { BAD_DATES, BAD_LOCAL_TIMES } from '../calendar-edges.ts';
import { describeEachDialect } from '../db.ts';

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
};
type Operation = {
  parameters?: { in: 'path' | 'query'; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

const RUNS = 25;
// Values that break naive parsers: huge, negative, fractional, empty, formula, control characters, SQL.
const hostile = fc.oneof(
  fc.constantFrom('', '-1', '0', '1e309', '9007199254740993', '1.5', 'NaN', 'null', 'true', '[]', '{}'),
  fc.constantFrom(
    "' or 1=1 --",
    '=HYPERLINK("http://x")',
    '../../etc/passwd',
    '%00',
    '\u0000\u0007',
    'а'.repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.integer().map(String),
);

/** A value that fits the schema's type, or not, about half the time each. */
function valueFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const fitting: fc.Arbitrary<unknown>[] = [];
  const type = [schema?.type ?? []].flat();
  if (schema?.enum) fitting.push(fc.constantFrom(...schema.enum));
  if (type.includes('string')) fitting.push(fc.string({ maxLength: 30 }));
  if (type.includes('integer') || type.includes('number'))
    fitting.push(fc.integer({ min: -5, max: 1_000_000 }));
  if (type.includes('boolean')) fitting.push(fc.boolean());
  if (type.includes('object') && schema?.properties) fitting.push(bodyFor(schema));
  if (type.includes('array')) fitting.push(fc.array(valueFor(schema?.items), { maxLength: 3 }));
  const wrong = fc.oneof(fc.jsonValue(), hostile);
  return fitting.length ? fc.oneof(fc.oneof(...fitting), wrong) : wrong;
}

function bodyFor(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, valueFor(s)]));
  return fc.record(props, { requiredKeys: [] });
}

describeEachDialect(
  'API fuzzing from the OpenAPI document',
  (ctx) => {
    let w: ApiWorld;
    const tried = { requests: 0, operations: 0, rejected: 0 };
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 40 });
    }, 120_000);
    afterAll(async () => {
      console.log(
        `fuzzed ${tried.operations} operations with ${tried.requests} requests (${tried.rejected} answered 4xx)`,
      );
      await w?.close();
    });

    const TABLES = [
      'users',
      'api_tokens',
      'institutions',
      'pages',
      'registry_uploads',
      'report_schedules',
    ] as const;
    const counts = async () =>
      (
        await Promise.all(
          TABLES.map((t) =>
            ctx.db.kysely
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow(),
          ),
        )
      )
        .map((r) => Number(r.n))
        .join(',');

    it('answers every random request without a 5xx, names the field of a 400, and writes nothing it refuses', async () => {
      const doc = (await w.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
        paths: Record<string, Record<string, Operation>>;
      };
      const failures: string[] = [];
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          // Ending the caller's own session would turn the rest into 401s; it has its own tests.
          if (path === '/api/auth/logout') continue;
          tried.operations++;
          const params = op.parameters ?? [];
          const bodySchema = Object.values(op.requestBody?.content ?? {})[0]?.schema;
          const request = fc.record({
            path: fc.record(
              Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, hostile])),
            ),
            query: fc.record(
              Object.fromEntries(
                params.filter((p) => p.in === 'query').map((p) => [p.name, valueFor(p.schema)]),
              ),
              { requiredKeys: [] },
            ),
            body: bodySchema?.properties ? fc.oneof(bodyFor(bodySchema), fc.jsonValue()) : fc.jsonValue(),
          });
          await fc.assert(
            fc.asyncProperty(request, async ({ path: values, query, body }) => {
              const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
                encodeURIComponent(String(values[name])),
              );
              const search = new URLSearchParams(
                Object.entries(query).map(([k, v]): [string, string] => [
                  k,
                  typeof v === 'string' ? v : JSON.stringify(v),
                ]),
              );
              // PDFs are slow to print; the fuzz is about input, so ask for data.
              if (path.startsWith('/api/reports/units')) search.set('format', 'json');
              const writes = method !== 'get';
              const before = writes ? await counts() : '';
              const res = await w.as('federal', {
                method: method.toUpperCase() as 'GET',
                url: `${url}?${search}`,
                ...(method === 'get' || method === 'delete' ? {} : { payload: body as object }),
              });
              tried.requests++;
              if (res.statusCode >= 400) tried.rejected++;
              // A refused write leaves no trace (audit-log rows and sign-in records aside).
              if (writes && res.statusCode >= 400 && (await counts()) !== before)
                failures.push(`${method.toUpperCase()} ${path} → ${res.statusCode} but rows changed`);
              if (res.statusCode >= 500)
                failures.push(
                  `${method.toUpperCase()} ${url}?${search} → ${res.statusCode} ${res.body.slice(0, 200)}`,
                );
              if (res.statusCode === 400) {
                const error = res.json().error as {
                  code: string;
                  message: string;
                  details?: { path?: string }[];
                };
                // A schema failure lists field paths; a rule a service checks starts its message with the field.
                const named =
                  (Array.isArray(error?.details) &&
                    error.details.length > 0 &&
                    error.details.every((d) => typeof d.path === 'string' && d.path.length > 0)) ||
                  /^(body|querystring|params)\.\w+/.test(error?.message ?? '');
                if (error?.code !== 'VALIDATION' || !named)
                  failures.push(
                    `${method.toUpperCase()} ${path}: a 400 that names no field: ${res.body.slice(0, 200)}`,
                  );
              }
              return true;
            }),
            { numRuns: RUNS, seed: 20261129 },
          );
        }
      }
      expect(failures.slice(0, 20)).toEqual([]);
      expect(tried.operations).toBeGreaterThan(40);
    }, 300_000);

    // Date, time and zone parameters by name: the calendar edges that once hung the planner or were stored
    // rolled over. Each is refused with a 400 naming that very field, on every route that has one.
    const DATE_FIELD = /^(from|to|asOf|plannedAt|startsLocal|tz|timezone)$|(Date|Local|At)$/;
    // Named like a date, but not one: the workshop forks `from` a methodology version id.
    const NOT_DATES = new Set(['POST /api/methodology/workshop body.from']);
    const STRING_EDGES = [...BAD_DATES, ...BAD_LOCAL_TIMES, '25:61', 'Mars/Olympus', '-000001-12'];
    const NUMBER_EDGES = [-1, 0, 1, 946_684_799, 4_133_980_800, 1e15];

    it('refuses every calendar-edge value of every date parameter with a 400 naming it, never a 5xx', async () => {
      const doc = (await w.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
        paths: Record<string, Record<string, Operation>>;
      };
      const failures: string[] = [];
      const fields = new Set<string>();
      for (const [path, methods] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(methods)) {
          const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
            name === 'pageId'
              ? String(w.a.pageId)
              : name === 'level'
                ? 'region'
                : name === 'key'
                  ? w.a.regionCode
                  : '1',
          );
          const body = Object.values(op.requestBody?.content ?? {})[0]?.schema?.properties ?? {};
          const targets = [
            ...(op.parameters ?? [])
              .filter((p) => p.in === 'query' && DATE_FIELD.test(p.name))
              .map((p) => ({ where: 'querystring', name: p.name, schema: p.schema })),
            ...Object.entries(body)
              .filter(([name]) => DATE_FIELD.test(name))
              .map(([name, schema]) => ({ where: 'body', name, schema })),
          ];
          for (const t of targets) {
            if (NOT_DATES.has(`${method.toUpperCase()} ${path} ${t.where}.${t.name}`)) continue;
            fields.add(`${method.toUpperCase()} ${path} ${t.where}.${t.name}`);
            const numeric = [t.schema?.type ?? []].flat().some((x) => x === 'integer' || x === 'number');
            for (const value of numeric ? NUMBER_EDGES : STRING_EDGES) {
              const res = await w.as('federal', {
                method: method.toUpperCase() as 'GET',
                url:
                  t.where === 'querystring'
                    ? `${url}?${new URLSearchParams({ [t.name]: String(value), format: 'json' })}`
                    : url,
                ...(t.where === 'body' ? { payload: { [t.name]: value } } : {}),
              });
              const paths = (
                (res.json() as { error?: { details?: { path?: string }[] } }).error?.details ?? []
              ).map((d) => d.path);
              if (res.statusCode !== 400 || !paths.includes(`${t.where}.${t.name}`))
                failures.push(
                  `${method.toUpperCase()} ${url} ${t.where}.${t.name}=${value} → ${res.statusCode} ${res.body.slice(0, 160)}`,
                );
            }
          }
        }
      console.log(`calendar edges: ${fields.size} date parameters\n  ${[...fields].join('\n  ')}`);
      expect(failures.slice(0, 20)).toEqual([]);
      expect(fields.size).toBeGreaterThanOrEqual(10);
    }, 300_000);
  },
  { shared: true },
);
