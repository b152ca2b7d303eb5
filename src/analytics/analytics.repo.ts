// SQL of roll-ups and of the page list with scores: registry and audit results read together, always
// filtered by the caller's scope.
import { type SqlBool, sql } from 'kysely';
import { type Db, streamRows } from '../platform/db.ts';
import type { InstitutionKind, PageStatus } from '../platform/db-schema.ts';
import { BY_INSTITUTION, inScope, institutionText, type Scope } from '../platform/scope.ts';

const RESULT_SCOPE = {
  region: 'r.region_code',
  municipality: 'r.municipality_id',
  institution: 'r.institution_id',
};

/**
 * The newest finished runs that judged the whole scope: country-wide runs, or runs of the caller's region;
 * with `endingBy`, only runs whose period ended by then (a report of a past period).
 */
export function doneRunsFor(db: Db, scope: Scope, limit: number, endingBy?: number) {
  let query = db.kysely
    .selectFrom('audit_runs')
    .select(['id', 'methodology_version', 'period_start', 'period_end', 'finished_at', 'scope'])
    .where('status', '=', 'done')
    .where((eb) =>
      scope.level === 'country'
        ? eb('scope', '=', 'all')
        : eb.or([eb('scope', '=', 'all'), eb('scope', '=', `region:${scope.regionCode}`)]),
    );
  if (endingBy !== undefined) query = query.where('period_end', '<=', endingBy);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export type PageSort = 'score' | '-score' | 'name' | '-name' | 'id' | '-id' | 'collected' | '-collected';

export type PageFilter = {
  regionCode?: string | undefined;
  municipalityId?: number | undefined;
  kind?: InstitutionKind | undefined;
  level?: string | undefined;
  status?: PageStatus | undefined;
  verified?: boolean | undefined;
  q?: string | undefined;
  scoreMin?: number | undefined;
  scoreMax?: number | undefined;
  sort: PageSort;
  page: number;
  size: number;
};

const SORT_COLUMNS = {
  score: 'r.total',
  name: 'institutions.full_name',
  id: 'pages.id',
  collected: 'pages.last_collected_at',
} as const;

function filteredPages(db: Db, scope: Scope, run: number, filter: Omit<PageFilter, 'page' | 'size'>) {
  let query = db.kysely
    .selectFrom('pages')
    .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
    .leftJoin('audit_page_results as r', (join) =>
      join.onRef('r.page_id', '=', 'pages.id').on('r.run_id', '=', run),
    )
    .where(inScope(scope, BY_INSTITUTION));
  if (filter.regionCode) query = query.where('institutions.region_code', '=', filter.regionCode);
  if (filter.municipalityId) query = query.where('institutions.municipality_id', '=', filter.municipalityId);
  if (filter.kind) query = query.where('institutions.kind', '=', filter.kind);
  if (filter.status) query = query.where('pages.status', '=', filter.status);
  if (filter.level) query = query.where('r.level', '=', filter.level);
  if (filter.verified !== undefined) query = query.where('r.verified', '=', filter.verified ? 1 : 0);
  if (filter.scoreMin !== undefined) query = query.where('r.total', '>=', filter.scoreMin);
  if (filter.scoreMax !== undefined) query = query.where('r.total', '<=', filter.scoreMax);
  if (filter.q) query = query.where(institutionText(filter.q, ['pages.url']));
  return query;
}

/** The filtered list with its columns, in the list's order: unaudited pages after audited ones either way. */
function orderedPages(
  db: Db,
  scope: Scope,
  runs: [number, number],
  filter: Omit<PageFilter, 'page' | 'size'>,
) {
  const [run, previous] = runs;
  const key = filter.sort.replace('-', '') as keyof typeof SORT_COLUMNS;
  const direction = filter.sort.startsWith('-') ? 'desc' : 'asc';
  return filteredPages(db, scope, run, filter)
    .leftJoin('audit_page_results as prev', (join) =>
      join.onRef('prev.page_id', '=', 'pages.id').on('prev.run_id', '=', previous),
    )
    .select([
      'pages.id',
      'pages.url',
      'pages.platform',
      'pages.status',
      'pages.last_collected_at',
      'institutions.id as institution_id',
      'institutions.full_name',
      'institutions.short_name',
      'institutions.kind',
      'institutions.region_code',
      'institutions.municipality_id',
      'r.total',
      'r.level',
      'r.verified',
      'prev.total as previous_total',
    ])
    .orderBy(sql`${sql.ref(SORT_COLUMNS[key])} is null`)
    .orderBy(SORT_COLUMNS[key], direction)
    .orderBy('pages.id');
}

/** Where the previous page of a list ended: its last row's sort value and page id (keyset pagination). */
export type PageCursor = { value: string | number | null; id: number };

/** The rows after `cursor` in the list's order (unaudited rows, null values, come last either way). */
function afterCursor(sort: PageSort, cursor: PageCursor) {
  const column = sql.ref(SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS]);
  const beyond = sort.startsWith('-') ? sql`<` : sql`>`;
  const id = sql.ref('pages.id');
  return cursor.value === null
    ? sql<SqlBool>`(${column} is null and ${id} > ${cursor.id})`
    : sql<SqlBool>`(${column} is null or ${column} ${beyond} ${cursor.value} or (${column} = ${cursor.value} and ${id} > ${cursor.id}))`;
}

/** The cursor just past a row, for a list in the given order. */
export function cursorOf(sort: PageSort, row: PageRow): PageCursor {
  const key = sort.replace('-', '') as keyof typeof SORT_COLUMNS;
  const value =
    key === 'score'
      ? row.total
      : key === 'name'
        ? row.full_name
        : key === 'collected'
          ? row.last_collected_at
          : row.id;
  return { value: value === null ? null : value, id: row.id };
}

/**
 * One page of the list: after a cursor (keyset: the database seeks past it, no rows skipped one by one) or by
 * page number. `count: false` skips the total (a caller that needs no count).
 */
export async function listPagesWithScores(
  db: Db,
  scope: Scope,
  runs: [number, number],
  filter: PageFilter & { after?: PageCursor | undefined },
  options: { count: boolean } = { count: true },
) {
  const ordered = orderedPages(db, scope, runs, filter);
  const [items, count] = await Promise.all([
    (filter.after
      ? ordered.where(afterCursor(filter.sort, filter.after)).limit(filter.size)
      : ordered.limit(filter.size).offset((filter.page - 1) * filter.size)
    ).execute(),
    options.count
      ? filteredPages(db, scope, runs[0], filter)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      : Promise.resolve({ n: -1 }),
  ]);
  return { items, total: Number(count.n) };
}

export type PageRow = Awaited<ReturnType<ReturnType<typeof orderedPages>['execute']>>[number];

/**
 * The whole filtered, sorted list in one ordered pass, handed over in batches (exports): one sort instead of a
 * re-sort per batch, and memory of one batch (see streamRows).
 */
export function streamPagesWithScores(
  db: Db,
  scope: Scope,
  runs: [number, number],
  filter: Omit<PageFilter, 'page' | 'size'>,
  batch: number,
): AsyncGenerator<PageRow[]> {
  return streamRows<PageRow>(db, orderedPages(db, scope, runs, filter), batch);
}

/** A page's scores over the given runs, newest first. */
export function pageHistory(db: Db, pageId: number, runIds: number[]) {
  if (runIds.length === 0) return Promise.resolve([]);
  return db.kysely
    .selectFrom('audit_page_results as r')
    .innerJoin('audit_runs', 'audit_runs.id', 'r.run_id')
    .select(['r.run_id', 'r.total', 'r.level', 'audit_runs.finished_at', 'audit_runs.period_end'])
    .where('r.page_id', '=', pageId)
    .where('r.run_id', 'in', runIds)
    .orderBy('r.run_id', 'desc')
    .execute();
}

export type GroupBy = 'region' | 'municipality';

/** Institutions per unit and how many of them have a page in the registry. */
export function registryCounts(db: Db, scope: Scope, by: GroupBy, regionCode?: string) {
  const unit = by === 'region' ? 'institutions.region_code' : 'institutions.municipality_id';
  let query = db.kysely
    .selectFrom('institutions')
    .where(inScope(scope, BY_INSTITUTION))
    .select((eb) => [
      sql<string | number | null>`${sql.ref(unit)}`.as('unit'),
      eb.fn.countAll<number>().as('institutions'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.exists(
                eb
                  .selectFrom('pages')
                  .select('pages.id')
                  .whereRef('pages.institution_id', '=', 'institutions.id'),
              ),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('with_page'),
    ])
    .groupBy(unit);
  if (regionCode) query = query.where('institutions.region_code', '=', regionCode);
  return query.execute();
}

/** Pages judged per unit and level in a run, with the sum of their totals. */
export function levelCountsByUnit(db: Db, scope: Scope, by: GroupBy, runId: number, regionCode?: string) {
  const unit = by === 'region' ? 'r.region_code' : 'r.municipality_id';
  let query = db.kysely
    .selectFrom('audit_page_results as r')
    .where('r.run_id', '=', runId)
    .where(inScope(scope, RESULT_SCOPE))
    .select((eb) => [
      sql<string | number | null>`${sql.ref(unit)}`.as('unit'),
      'r.level',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('r.total').as('total_sum'),
    ])
    .groupBy([unit, 'r.level']);
  if (regionCode) query = query.where('r.region_code', '=', regionCode);
  return query.execute();
}

/** Institutions per unit with at least one page VK marks as a state organisation, as of a run. */
export function coveredByUnit(db: Db, scope: Scope, by: GroupBy, runId: number, regionCode?: string) {
  const unit = by === 'region' ? 'r.region_code' : 'r.municipality_id';
  let query = db.kysely
    .selectFrom('audit_page_results as r')
    .where('r.run_id', '=', runId)
    .where('r.verified', '=', 1)
    .where('r.institution_id', 'is not', null)
    .where(inScope(scope, RESULT_SCOPE))
    .select((eb) => [
      sql<string | number | null>`${sql.ref(unit)}`.as('unit'),
      eb.fn.count<number>('r.institution_id').distinct().as('covered'),
    ])
    .groupBy(unit);
  if (regionCode) query = query.where('r.region_code', '=', regionCode);
  return query.execute();
}

export function unitNames(db: Db, by: GroupBy, keys: (string | number)[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return by === 'region'
    ? db.kysely
        .selectFrom('regions')
        .select(['code as key', 'name_ru', 'name_en'])
        .where('code', 'in', keys.map(String))
        .execute()
    : db.kysely
        .selectFrom('municipalities')
        .select(['id as key', 'name as name_ru', 'name as name_en'])
        .where('id', 'in', keys.map(Number))
        .execute();
}
