// SQL you can review: the statements the hot and the tricky reads send, as each dialect spells them, kept in
// test/sql/<query>.<dialect>.sql. A change to a query shows up in review as a change of SQL; after a deliberate
// change, `npx vitest run test/sql-snapshots.test.ts -u` rewrites the files. No database is needed: the real
// repository functions run against Kysely's dummy driver (no rows) and every statement they send is recorded.
import {
  DummyDriver,
  Kysely,
  type LogEvent,
  NoResultError,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { listPagesWithScores, registryCounts } from '../src/analytics/analytics.repo.ts';
import { storedRegistryUnits, storedRunUnits } from '../src/analytics/rollup-store.repo.ts';
import { findPageResult, listRunsInScope, passRates } from '../src/audit/audit-run.repo.ts';
import { readPageFacts } from '../src/audit/page-facts.repo.ts';
import type { Db, Dialect } from '../src/platform/db.ts';
import type { Database } from '../src/platform/db-schema.ts';
import type { Scope } from '../src/platform/scope.ts';
import { selectPagesInScope } from '../src/registry/page-scope.repo.ts';
import { listInstitutionsInScope } from '../src/registry/registry-read.repo.ts';

/** A Db whose queries reach no database: each compiled statement is handed to `record`, and none returns rows. */
function recordingDb(dialect: Dialect, record: (sql: string, parameters: readonly unknown[]) => void): Db {
  const postgres = dialect === 'postgres';
  const kysely = new Kysely<Database>({
    dialect: {
      createAdapter: () => (postgres ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (postgres ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
      createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
    log: (event: LogEvent) => record(event.query.sql, event.query.parameters),
  });
  return { kysely, dialect, url: `dummy:${dialect}`, label: dialect, close: () => kysely.destroy() };
}

/** One clause a line, so a diff points at the clause that changed. */
function layout(sql: string): string {
  return sql
    .replace(
      /\s+(from|inner join|left join|where|group by|order by|having|limit|offset|union all|on conflict|returning)\s+/g,
      '\n  $1 ',
    )
    .trim();
}

const REGION: Scope = { level: 'region', regionCode: '77' };
const MUNICIPALITY: Scope = { level: 'municipality', regionCode: '77', municipalityId: 12 };
const INSTITUTION: Scope = { level: 'institution', regionCode: '77', municipalityId: 12, institutionId: 345 };

/** The queries kept, each as the statements one call sends. */
const QUERIES: Record<string, (db: Db) => Promise<unknown>> = {
  // Scope filters: the one pages→institutions join, at each level of the hierarchy.
  'scope-pages-country': (db) => selectPagesInScope(db, { level: 'country' }).select('pages.id').execute(),
  'scope-pages-region': (db) => selectPagesInScope(db, REGION).select('pages.id').execute(),
  'scope-pages-municipality': (db) => selectPagesInScope(db, MUNICIPALITY).select('pages.id').execute(),
  'scope-pages-institution': (db) => selectPagesInScope(db, INSTITUTION).select('pages.id').execute(),
  // The page list: filtered, scored against two runs, sorted by score, first by page number then by cursor.
  'page-list': (db) =>
    listPagesWithScores(db, REGION, [9, 8], {
      kind: 'school',
      level: 'basic',
      q: 'лицей',
      scoreMin: 20,
      sort: '-score',
      page: 2,
      size: 50,
    }),
  'page-list-after-cursor': (db) =>
    listPagesWithScores(
      db,
      MUNICIPALITY,
      [9, 8],
      { sort: 'name', page: 1, size: 50, after: { value: 'Школа № 5', id: 120 } },
      { count: false },
    ),
  'institution-list': (db) =>
    listInstitutionsInScope(db, REGION, {
      kind: 'school',
      q: '7701',
      hasPage: false,
      sort: 'name',
      page: 1,
      size: 25,
    }),
  // Roll-up reads: a run's stored figures per unit (and their first computation), the registry's counts.
  'rollup-run-units': (db) => storedRunUnits(db, 9, 'municipality', { regionKey: '77' }),
  'rollup-registry-units': (db) => storedRegistryUnits(db, 'region', {}),
  'registry-counts-live': (db) => registryCounts(db, REGION, 'municipality', '77'),
  // Audit reads: runs in scope, a page's result, pass rates, external facts over a period.
  'audit-runs-in-scope': (db) => listRunsInScope(db, MUNICIPALITY, { page: 1, size: 20 }),
  'audit-page-result': (db) => findPageResult(db, INSTITUTION, 77, 9),
  'audit-pass-rates': (db) => passRates(db, 9),
  'audit-page-facts': (db) => readPageFacts(db, [1, 2, 3], 1_700_000_000, 1_710_000_000),
};

describe('SQL each dialect runs for the hot queries', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    for (const [name, run] of Object.entries(QUERIES)) {
      it(`${name} (${dialect})`, async () => {
        const sent: string[] = [];
        const db = recordingDb(dialect, (sql, parameters) =>
          sent.push(`${layout(sql)};\n-- parameters: ${JSON.stringify(parameters)}`),
        );
        // With no rows, a query that needs one (a count) ends in NoResultError after it was sent and recorded.
        await run(db).catch((error: unknown) => {
          if (!(error instanceof NoResultError)) throw error;
        });
        expect(sent.length).toBeGreaterThan(0);
        await expect(`${sent.join('\n\n')}\n`).toMatchFileSnapshot(`./sql/${name}.${dialect}.sql`);
      });
    }
  }
});
