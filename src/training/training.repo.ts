// SQL of seminars: the seminars in a scope, their enrolments, the audience a targeting rule selects from the
// latest audit, and each page's results before and after a date for the effect.

import type { Insertable } from 'kysely';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { EnrolmentStatus, InstitutionKind, SeminarTable } from '../platform/db-schema.ts';
import { inScope, type Scope, type ScopeColumns } from '../platform/scope.ts';

/** The institution joined as `i`, for scope conditions on enrolments, feedback and audiences. */
const BY_I: ScopeColumns = {
  region: 'i.region_code',
  municipality: 'i.municipality_id',
  institution: 'i.id',
};

/** The area a seminar is for: its region, or one municipality of it. */
export type SeminarArea = { regionCode: string; municipalityId: number | null };

function inArea(area: SeminarArea): Expression<SqlBool> {
  return area.municipalityId === null
    ? sql<SqlBool>`${sql.ref('i.region_code')} = ${area.regionCode}`
    : sql<SqlBool>`(${sql.ref('i.region_code')} = ${area.regionCode} and ${sql.ref('i.municipality_id')} = ${area.municipalityId})`;
}

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

/**
 * Institutions of the seminar's area and the caller's scope whose page, in the latest audit, matches the rule.
 */
export async function audienceOf(db: Db, area: SeminarArea, scope: Scope, rule: AudienceRule) {
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
    .where(inArea(area))
    .where(inScope(scope, BY_I));
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

/** The newest done audit ending by `before` and the first ending after `after`; null without both. */
export async function auditsAround(db: Db, before: number, after: number) {
  const runs = await db.kysely
    .selectFrom('audit_runs')
    .select(['id', 'period_end'])
    .where('status', '=', 'done')
    .orderBy('period_end')
    .orderBy('id')
    .execute();
  const pre = runs.filter((r) => r.period_end <= before).at(-1);
  const post = runs.find((r) => r.period_end > after);
  return pre && post ? { pre, post } : null;
}

/**
 * Each page's result in the newest done run ending by `before`, and in the first done run ending after `after`;
 * pages of the regions given (all regions with null).
 */
export async function resultsAround(db: Db, regionCodes: string[] | null, before: number, after: number) {
  const around = await auditsAround(db, before, after);
  if (!around) return null;
  const { pre, post } = around;
  const rows = (runId: number) => {
    let query = db.kysely
      .selectFrom('audit_page_results as r')
      .innerJoin('institutions as i', 'i.id', 'r.institution_id')
      .select([
        'r.page_id',
        'r.institution_id',
        'i.region_code',
        'r.kind',
        'r.level',
        'r.total',
        'r.results_json',
      ])
      .where('r.run_id', '=', runId);
    if (regionCodes) query = query.where('i.region_code', 'in', regionCodes.length ? regionCodes : ['']);
    return query.execute();
  };
  return { before: await rows(pre.id), after: await rows(post.id), runs: { before: pre.id, after: post.id } };
}

/** Institutions that attended any of the seminars. */
export async function attendeesOf(db: Db, seminarIds: number[]): Promise<Set<number>> {
  if (seminarIds.length === 0) return new Set();
  const rows = await db.kysely
    .selectFrom('seminar_enrolments')
    .select('institution_id')
    .where('seminar_id', 'in', seminarIds)
    .where('attended', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.institution_id));
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

/**
 * Enrolments of institutions inside the scope, with their names and INN, for the seminar's page: a caller never
 * sees who enrolled from outside their scope.
 */
export function enrolmentsWithInstitutions(db: Db, seminarId: number, scope: Scope) {
  return db.kysely
    .selectFrom('seminar_enrolments as e')
    .innerJoin('institutions as i', 'i.id', 'e.institution_id')
    .select([
      'e.institution_id',
      'e.status',
      'e.attended',
      'e.certificate_code',
      'e.changed_at',
      'i.short_name',
      'i.full_name',
      'i.inn',
      'i.municipality_id',
    ])
    .where('e.seminar_id', '=', seminarId)
    .where(inScope(scope, BY_I))
    .orderBy('e.changed_at')
    .orderBy('e.id')
    .execute();
}

/** Seats taken, places waiting and attendees of each seminar. */
export async function enrolmentCounts(db: Db, seminarIds: number[]) {
  if (seminarIds.length === 0) return new Map<number, Record<string, number>>();
  const rows = await db.kysely
    .selectFrom('seminar_enrolments')
    .select(['seminar_id', 'status', 'attended', (eb) => eb.fn.countAll<number>().as('n')])
    .where('seminar_id', 'in', seminarIds)
    .groupBy(['seminar_id', 'status', 'attended'])
    .execute();
  const out = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const counts = out.get(r.seminar_id) ?? { invited: 0, registered: 0, waitlisted: 0, attended: 0 };
    if (r.status !== 'cancelled') counts[r.status] = (counts[r.status] ?? 0) + Number(r.n);
    if (r.attended === 1) counts.attended = (counts.attended ?? 0) + Number(r.n);
    out.set(r.seminar_id, counts);
  }
  return out;
}

export function institutionEnrolments(db: Db, institutionId: number) {
  return db.kysely
    .selectFrom('seminar_enrolments')
    .select(['seminar_id', 'status', 'attended', 'certificate_code'])
    .where('institution_id', '=', institutionId)
    .execute();
}

export function setSeminarStatus(db: Db, id: number, status: 'planned' | 'done' | 'cancelled') {
  return db.kysely.updateTable('seminars').set({ status }).where('id', '=', id).execute();
}

/** Planned seminars starting in (from, to]: the ones whose reminders are due. */
export function seminarsStartingBetween(db: Db, from: number, to: number) {
  return db.kysely
    .selectFrom('seminars')
    .selectAll()
    .where('status', '=', 'planned')
    .where('starts_at', '>', from)
    .where('starts_at', '<=', to)
    .execute();
}

export function materialsOf(db: Db, seminarId: number) {
  return db.kysely
    .selectFrom('seminar_materials')
    .select(['id', 'title', 'url', 'added_at'])
    .where('seminar_id', '=', seminarId)
    .orderBy('id')
    .execute();
}

export function insertMaterial(db: Db, row: { seminarId: number; title: string; url: string; at: number }) {
  return db.kysely
    .insertInto('seminar_materials')
    .values({ seminar_id: row.seminarId, title: row.title, url: row.url, added_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deleteMaterial(db: Db, seminarId: number, id: number): Promise<boolean> {
  const result = await db.kysely
    .deleteFrom('seminar_materials')
    .where('seminar_id', '=', seminarId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function saveFeedback(
  db: Db,
  row: {
    seminarId: number;
    institutionId: number;
    rating: number;
    useful: string[];
    comment: string | null;
    at: number;
  },
): Promise<void> {
  const values = {
    rating: row.rating,
    useful_json: JSON.stringify(row.useful),
    comment: row.comment,
    created_at: row.at,
  };
  await db.kysely
    .insertInto('seminar_feedback')
    .values({ seminar_id: row.seminarId, institution_id: row.institutionId, ...values })
    .onConflict((oc) => oc.columns(['seminar_id', 'institution_id']).doUpdateSet(values))
    .execute();
}

/** The feedback of a seminar's attendees inside the scope. */
export function feedbackOf(db: Db, seminarId: number, scope: Scope) {
  return db.kysely
    .selectFrom('seminar_feedback as f')
    .innerJoin('institutions as i', 'i.id', 'f.institution_id')
    .select(['f.institution_id', 'f.rating', 'f.useful_json', 'f.comment', 'f.created_at'])
    .where('f.seminar_id', '=', seminarId)
    .where(inScope(scope, BY_I))
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
}

/**
 * Institutions by INN, for an uploaded attendance list: only those of the seminar's area inside the scope, so
 * an INN from elsewhere reads exactly like an unknown one (the country-wide `recordPastSeminar` passes none).
 */
export function institutionsByInn(db: Db, inns: string[], within?: { area: SeminarArea; scope: Scope }) {
  if (inns.length === 0) return Promise.resolve([]);
  let query = db.kysely
    .selectFrom('institutions as i')
    .select(['i.id', 'i.inn', 'i.short_name'])
    .where('i.inn', 'in', inns);
  if (within) query = query.where(inArea(within.area)).where(inScope(within.scope, BY_I));
  return query.execute();
}

/** Which of the institutions lie in the seminar's area and inside the scope. */
export async function institutionsReachable(
  db: Db,
  ids: number[],
  area: SeminarArea,
  scope: Scope,
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.kysely
    .selectFrom('institutions as i')
    .select('i.id')
    .where('i.id', 'in', ids)
    .where(inArea(area))
    .where(inScope(scope, BY_I))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The region of a municipality, to check the municipalities a seminar names. */
export function municipalityRegions(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.kysely
    .selectFrom('municipalities')
    .select(['id', 'region_code'])
    .where('id', 'in', ids)
    .execute();
}

/** A certificate's facts for its PDF. */
export function certificateOf(db: Db, seminarId: number, institutionId: number) {
  return db.kysely
    .selectFrom('seminar_enrolments as e')
    .innerJoin('seminars as s', 's.id', 'e.seminar_id')
    .innerJoin('institutions as i', 'i.id', 'e.institution_id')
    .select([
      's.title',
      's.organiser',
      's.programme_json',
      's.trainers_json',
      's.starts_at',
      's.ends_at',
      's.timezone',
      'i.full_name as institution',
      'e.certificate_code',
    ])
    .where('e.seminar_id', '=', seminarId)
    .where('e.institution_id', '=', institutionId)
    .where('e.attended', '=', 1)
    .executeTakeFirst();
}

export function findSeminar(db: Db, regionCode: string, title: string, startsAt: number) {
  return db.kysely
    .selectFrom('seminars')
    .select('id')
    .where('region_code', '=', regionCode)
    .where('title', '=', title)
    .where('starts_at', '=', startsAt)
    .executeTakeFirst();
}

export async function regionTimezone(db: Db, regionCode: string): Promise<string> {
  const row = await db.kysely
    .selectFrom('regions')
    .select('timezone')
    .where('code', '=', regionCode)
    .executeTakeFirst();
  return row?.timezone ?? 'Europe/Moscow';
}
