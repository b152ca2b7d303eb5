// SQL of the audit-results export: the results of one run in the caller's scope, batch by batch by page id.
import type { Db } from '../platform/db.ts';
import type { InstitutionKind } from '../platform/db-schema.ts';
import { inScope, type Scope } from '../platform/scope.ts';

const RESULT_COLUMNS = {
  region: 'r.region_code',
  municipality: 'r.municipality_id',
  institution: 'r.institution_id',
};

export type ResultFilter = {
  regionCode?: string | undefined;
  municipalityId?: number | undefined;
  kind?: InstitutionKind | undefined;
  level?: string | undefined;
};

export async function* eachAuditResult(
  db: Db,
  scope: Scope,
  runId: number,
  filter: ResultFilter,
  batch = 2000,
) {
  let after = 0;
  for (;;) {
    let query = db.kysely
      .selectFrom('audit_page_results as r')
      .innerJoin('pages', 'pages.id', 'r.page_id')
      .leftJoin('institutions', 'institutions.id', 'r.institution_id')
      .select([
        'r.page_id',
        'pages.url',
        'institutions.full_name',
        'institutions.inn',
        'r.kind',
        'r.region_code',
        'r.municipality_id',
        'r.total',
        'r.level',
        'r.verified',
        'r.critical_failed',
        'r.categories_json',
      ])
      .where('r.run_id', '=', runId)
      .where('r.page_id', '>', after)
      .where(inScope(scope, RESULT_COLUMNS));
    if (filter.regionCode) query = query.where('r.region_code', '=', filter.regionCode);
    if (filter.municipalityId) query = query.where('r.municipality_id', '=', filter.municipalityId);
    if (filter.kind) query = query.where('r.kind', '=', filter.kind);
    if (filter.level) query = query.where('r.level', '=', filter.level);
    const rows = await query.orderBy('r.page_id').limit(batch).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    after = (rows[rows.length - 1] as (typeof rows)[number]).page_id;
  }
}
