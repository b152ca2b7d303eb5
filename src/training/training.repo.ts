// SQL of seminars: the seminars in a scope, their enrolments, the audience a targeting rule selects from the
// latest audit, and each page's results before and after a date for the effect.

import type { Insertable } from 'kysely';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { EnrolmentStatus, InstitutionKind, SeminarTable } from '../platform/db-schema.ts';
import type { Scope } from '../platform/scope.ts';

/**
 * Seminars are placed in a region, maybe in one municipality. A caller sees the seminars of their region that
 * are for the whole region or for their own municipality.
 */
function visibleTo(scope: Scope): Expression<SqlBool> {
  if (scope.level === 'country') return sql<SqlBool>`1 = 1`;
  if (scope.level === 'region') return sql<SqlBool>`seminars.region_code = ${scope.regionCode}`;
  const municipality = scope.municipalityId;
  return municipality === null
    ? sql<SqlBool>`(seminars.region_code = ${scope.regionCode} and seminars.municipality_id is null)`
    : sql<SqlBool>`(seminars.region_code = ${scope.regionCode} and (seminars.municipality_id is null or seminars.municipality_id = ${municipality}))`;
}

export function insertSeminar(db: Db, row: Insertable<SeminarTable>) {
  return db.kysely.insertInto('seminars').values(row).returning('id').executeTakeFirstOrThrow();
}

export function seminarInScope(db: Db, scope: Scope, id: number) {
  return db.kysely
    .selectFrom('seminars')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTo(scope))
    .executeTakeFirst();
}

export type AudienceRule = {
  levels?: string[];
  failingRules?: string[];
  municipalityIds?: number[];
  kinds?: string[];
};

/** Institutions of the region whose page, in the region's latest audit, matches the rule. */
export async function audienceOf(db: Db, regionCode: string, rule: AudienceRule) {
  const run = await db.kysely
    .selectFrom('audit_runs')
    .select('id')
    .where('status', '=', 'done')
    .orderBy('period_end', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!run) return [];
  let query = db.kysely
    .selectFrom('audit_page_results as r')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select([
      'i.id as institutionId',
      'i.short_name',
      'i.full_name',
      'i.municipality_id',
      'r.page_id',
      'r.level',
      'r.total',
    ])
    .where('r.run_id', '=', run.id)
    .where('i.region_code', '=', regionCode);
  if (rule.levels?.length) query = query.where('r.level', 'in', rule.levels);
  if (rule.kinds?.length) query = query.where('i.kind', 'in', rule.kinds as InstitutionKind[]);
  if (rule.municipalityIds?.length) query = query.where('i.municipality_id', 'in', rule.municipalityIds);
  if (rule.failingRules?.length) {
    const failing = rule.failingRules;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('audit_rule_results as x')
          .select('x.page_id')
          .whereRef('x.page_id', '=', 'r.page_id')
          .where('x.run_id', '=', run.id)
          .where('x.rule_id', 'in', failing)
          .where('x.status', '=', 'fail'),
      ),
    );
  }
  return query.orderBy('r.total').orderBy('i.id').execute();
}

export function enrolmentsOf(db: Db, seminarId: number) {
  return db.kysely
    .selectFrom('seminar_enrolments')
    .selectAll()
    .where('seminar_id', '=', seminarId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
}

export async function saveEnrolment(
  db: Db,
  row: { seminarId: number; institutionId: number; status: EnrolmentStatus; at: number },
): Promise<void> {
  await db.kysely
    .insertInto('seminar_enrolments')
    .values({
      seminar_id: row.seminarId,
      institution_id: row.institutionId,
      status: row.status,
      changed_at: row.at,
    })
    .onConflict((oc) =>
      oc.columns(['seminar_id', 'institution_id']).doUpdateSet({ status: row.status, changed_at: row.at }),
    )
    .execute();
}

export async function markAttended(
  db: Db,
  seminarId: number,
  institutionIds: number[],
  codeOf: (id: number) => string,
) {
  for (const id of institutionIds)
    await db.kysely
      .updateTable('seminar_enrolments')
      .set({ attended: 1, certificate_code: sql<string>`coalesce(certificate_code, ${codeOf(id)})` })
      .where('seminar_id', '=', seminarId)
      .where('institution_id', '=', id)
      .where('status', '=', 'registered')
      .execute();
}

/** Each page's result in the newest done run ending by `before`, and in the first done run ending after `after`. */
export async function resultsAround(db: Db, regionCode: string, before: number, after: number) {
  const runs = await db.kysely
    .selectFrom('audit_runs')
    .select(['id', 'period_end'])
    .where('status', '=', 'done')
    .orderBy('period_end')
    .orderBy('id')
    .execute();
  const pre = runs.filter((r) => r.period_end <= before).at(-1);
  const post = runs.find((r) => r.period_end > after);
  if (!pre || !post) return null;
  const rows = (runId: number) =>
    db.kysely
      .selectFrom('audit_page_results as r')
      .innerJoin('institutions as i', 'i.id', 'r.institution_id')
      .select(['r.page_id', 'r.institution_id', 'r.kind', 'r.level', 'r.total', 'r.results_json'])
      .where('r.run_id', '=', runId)
      .where('i.region_code', '=', regionCode)
      .execute();
  return { before: await rows(pre.id), after: await rows(post.id), runs: { before: pre.id, after: post.id } };
}

export function listSeminarsInScope(db: Db, scope: Scope) {
  return db.kysely
    .selectFrom('seminars')
    .selectAll()
    .where(visibleTo(scope))
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** What a certificate's code proves: the seminar and the institution, no person named. */
export function certificateByCode(db: Db, code: string) {
  return db.kysely
    .selectFrom('seminar_enrolments as e')
    .innerJoin('seminars as s', 's.id', 'e.seminar_id')
    .innerJoin('institutions as i', 'i.id', 'e.institution_id')
    .select([
      's.title',
      's.organiser',
      's.starts_at',
      's.timezone',
      'i.full_name as institution',
      'e.certificate_code',
    ])
    .where('e.certificate_code', '=', code)
    .where('e.attended', '=', 1)
    .executeTakeFirst();
}
