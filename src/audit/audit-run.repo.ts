// SQL of audit runs and their results.
import type { Insertable } from 'kysely';
import { bumpVersion, type Db, type RunChange, runChangeSet, writeRows } from '../platform/db.ts';
import type {
  AuditPageResultTable,
  AuditPeerStatTable,
  AuditRuleResultTable,
  AuditRuleStatTable,
} from '../platform/db-schema.ts';
import { inScope, type Scope } from '../platform/scope.ts';

export async function lastAuditRun(db: Db) {
  return db.kysely
    .selectFrom('audit_runs')
    .select(['id', 'methodology_version', 'status', 'started_at', 'finished_at', 'pages_total', 'pages_done'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findRecordedVersion(db: Db, id: string) {
  return db.kysely
    .selectFrom('methodology_versions')
    .select(['id', 'hash', 'status'])
    .where('id', '=', id)
    .execute();
}

export async function recordVersion(
  db: Db,
  row: { id: string; hash: string; status: string; content: string; at: number },
) {
  await db.kysely
    .insertInto('methodology_versions')
    .values({
      id: row.id,
      hash: row.hash,
      status: row.status,
      first_used_at: row.at,
      content_json: row.content,
    })
    .onConflict((oc) => oc.columns(['id', 'hash']).doNothing())
    .execute();
}

/**
 * Runs left "running" by a process that died are marked failed; their partial results are never read. A
 * distributed run (with shards) is not: its jobs outlive any one process.
 */
export async function failInterruptedRuns(db: Db, at: number): Promise<number> {
  const result = await db.kysely
    .updateTable('audit_runs')
    .set({ status: 'failed', finished_at: at, stats_json: JSON.stringify({ error: 'interrupted' }) })
    .where('status', '=', 'running')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('audit_shards').select('run_id').whereRef('audit_shards.run_id', '=', 'audit_runs.id'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function startAuditRun(
  db: Db,
  run: {
    version: string;
    hash: string;
    start: number;
    end: number;
    scope: string;
    pagesTotal: number;
    at: number;
  },
): Promise<number> {
  const row = await db.kysely
    .insertInto('audit_runs')
    .values({
      methodology_version: run.version,
      methodology_hash: run.hash,
      period_start: run.start,
      period_end: run.end,
      scope: run.scope,
      status: 'running',
      started_at: run.at,
      pages_total: run.pagesTotal,
      pages_done: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAuditRun(db: Db, id: number, change: RunChange): Promise<void> {
  await db.kysely.updateTable('audit_runs').set(runChangeSet(change)).where('id', '=', id).execute();
  // A finished run changes what roll-ups, lists and reports show.
  if (change.status && change.status !== 'running') await bumpVersion(db, 'audit');
}

/** Results a failed attempt of a shard left behind, before the shard runs again. */
export async function deletePageResults(db: Db, runId: number, pageIds: number[]): Promise<void> {
  if (pageIds.length === 0) return;
  await db.kysely
    .deleteFrom('audit_rule_results')
    .where('run_id', '=', runId)
    .where('page_id', 'in', pageIds)
    .execute();
  await db.kysely
    .deleteFrom('audit_page_results')
    .where('run_id', '=', runId)
    .where('page_id', 'in', pageIds)
    .execute();
}

/** Marks a running run done; false when another process already closed it. */
export async function closeRunningAuditRun(db: Db, id: number, finishedAt: number, stats: object) {
  const result = await db.kysely
    .updateTable('audit_runs')
    .set({ status: 'done', finished_at: finishedAt, stats_json: JSON.stringify(stats) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await bumpVersion(db, 'audit');
  return true;
}

export async function insertPageResults(db: Db, rows: Insertable<AuditPageResultTable>[]): Promise<void> {
  await writeRows(db, rows, (values) => db.kysely.insertInto('audit_page_results').values(values), 200);
}

export async function insertRuleResults(db: Db, rows: Insertable<AuditRuleResultTable>[]): Promise<void> {
  await writeRows(db, rows, (values) => db.kysely.insertInto('audit_rule_results').values(values), 1000);
}

export async function insertRuleStats(db: Db, rows: Insertable<AuditRuleStatTable>[]): Promise<void> {
  await writeRows(db, rows, (values) => db.kysely.insertInto('audit_rule_stats').values(values), 400);
}

export async function insertPeerStats(db: Db, rows: Insertable<AuditPeerStatTable>[]): Promise<void> {
  await writeRows(db, rows, (values) => db.kysely.insertInto('audit_peer_stats').values(values), 500);
}

export async function getAuditRun(db: Db, id: number) {
  return db.kysely.selectFrom('audit_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function levelCounts(db: Db, runId: number) {
  return db.kysely
    .selectFrom('audit_page_results')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('run_id', '=', runId)
    .groupBy('level')
    .execute();
}

/** Pages whose level differs between two runs. */
export async function levelChanges(db: Db, runA: number, runB: number) {
  return db.kysely
    .selectFrom('audit_page_results as a')
    .innerJoin('audit_page_results as b', (join) =>
      join.onRef('a.page_id', '=', 'b.page_id').on('b.run_id', '=', runB),
    )
    .select(['a.page_id', 'a.level as from', 'b.level as to', 'a.total as totalA', 'b.total as totalB'])
    .where('a.run_id', '=', runA)
    .whereRef('a.level', '!=', 'b.level')
    .orderBy('a.page_id')
    .execute();
}

/** Status counts per rule in a run, over the pages where the rule was scored. */
export async function passRates(db: Db, runId: number) {
  return db.kysely
    .selectFrom('audit_rule_stats')
    .select([
      'rule_id',
      (eb) => eb.fn.sum<number>('n_pass').as('passed'),
      (eb) =>
        eb.fn.sum<number>(eb(eb(eb.ref('n_pass'), '+', eb.ref('n_warn')), '+', eb.ref('n_fail'))).as('n'),
    ])
    .where('run_id', '=', runId)
    .groupBy('rule_id')
    .execute();
}

export async function peerStats(db: Db, runId: number, regionCode = '*', kind = '*') {
  return db.kysely
    .selectFrom('audit_peer_stats')
    .selectAll()
    .where('run_id', '=', runId)
    .where('region_code', '=', regionCode)
    .where('kind', '=', kind)
    .execute();
}

/** A page's result in a run (the latest finished run that judged it when no run is named). */
export async function findPageResult(db: Db, scope: Scope, pageId: number, runId?: number) {
  let query = db.kysely
    .selectFrom('audit_page_results')
    .innerJoin('audit_runs', 'audit_runs.id', 'audit_page_results.run_id')
    .select([
      'audit_page_results.run_id',
      'audit_page_results.region_code',
      'audit_page_results.kind',
      'audit_page_results.total',
      'audit_page_results.level',
      'audit_page_results.categories_json',
      'audit_page_results.results_json',
      'audit_runs.methodology_version',
      'audit_runs.methodology_hash',
      'audit_runs.period_start',
      'audit_runs.period_end',
    ])
    .where('audit_page_results.page_id', '=', pageId)
    .where(
      inScope(scope, {
        region: 'audit_page_results.region_code',
        municipality: 'audit_page_results.municipality_id',
        institution: 'audit_page_results.institution_id',
      }),
    )
    .where('audit_runs.status', '=', 'done')
    .orderBy('audit_page_results.run_id', 'desc')
    .limit(1);
  if (runId !== undefined) query = query.where('audit_page_results.run_id', '=', runId);
  return query.executeTakeFirst();
}

export async function recordedVersionContent(db: Db, id: string, hash: string) {
  const row = await db.kysely
    .selectFrom('methodology_versions')
    .select('content_json')
    .where('id', '=', id)
    .where('hash', '=', hash)
    .executeTakeFirst();
  return row?.content_json;
}

const RESULT_SCOPE = {
  region: 'audit_page_results.region_code',
  municipality: 'audit_page_results.municipality_id',
  institution: 'audit_page_results.institution_id',
};

/** Runs that judged the caller's region or the whole country (a region's own runs stay in the region). */
function visibleRuns(db: Db, scope: Scope) {
  const query = db.kysely.selectFrom('audit_runs');
  return scope.level === 'country'
    ? query
    : query.where((eb) => eb.or([eb('scope', '=', 'all'), eb('scope', '=', `region:${scope.regionCode}`)]));
}

export async function listRunsInScope(db: Db, scope: Scope, page: { page: number; size: number }) {
  const [items, count] = await Promise.all([
    visibleRuns(db, scope)
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.size)
      .offset((page.page - 1) * page.size)
      .execute(),
    visibleRuns(db, scope)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function findRunInScope(db: Db, scope: Scope, id: number) {
  return visibleRuns(db, scope).selectAll().where('id', '=', id).executeTakeFirst();
}

/** Level counts and the sum of totals of a run's pages inside the scope. */
export function levelCountsInScope(db: Db, scope: Scope, runId: number) {
  return db.kysely
    .selectFrom('audit_page_results')
    .select([
      'level',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('total').as('total_sum'),
    ])
    .where('run_id', '=', runId)
    .where(inScope(scope, RESULT_SCOPE))
    .groupBy('level')
    .execute();
}

/** Pages a run has judged so far: shards write theirs as they go, the run counts them only when it closes. */
export async function countPageResults(db: Db, runId: number): Promise<number> {
  const row = await db.kysely
    .selectFrom('audit_page_results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('run_id', '=', runId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A run of this version, period and scope ("all", "region:NN") still running, if there is one. */
export async function findRunningRun(
  db: Db,
  run: { version: string; start: number; end: number; scope: string },
) {
  return db.kysely
    .selectFrom('audit_runs')
    .select(['id'])
    .where('methodology_version', '=', run.version)
    .where('period_start', '=', run.start)
    .where('period_end', '=', run.end)
    .where('scope', '=', run.scope)
    .where('status', '=', 'running')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
