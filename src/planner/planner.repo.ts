// SQL of the planner: pages with their place and community, drafts and their transitions, files, contributors,
// page settings, syndications, and the posts already on a page's wall in a period.
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { DraftStatus, PlannerDraftTable } from '../platform/db-schema.ts';
import { BY_INSTITUTION, inScope, type Scope } from '../platform/scope.ts';

/** A page in the scope, with where it sits (for approvals and time zones) and its VK community. */
export function pageInScope(db: Db, scope: Scope, pageId: number) {
  return db.kysely
    .selectFrom('pages')
    .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
    .innerJoin('regions', 'regions.code', 'institutions.region_code')
    .select([
      'pages.id',
      'pages.external_id',
      'pages.url',
      'pages.platform',
      'institutions.id as institution_id',
      'institutions.short_name',
      'institutions.full_name',
      'institutions.region_code',
      'institutions.municipality_id',
      'regions.timezone',
    ])
    .where('pages.id', '=', pageId)
    .where(inScope(scope, BY_INSTITUTION))
    .executeTakeFirst();
}

export type PlannerPage = NonNullable<Awaited<ReturnType<typeof pageInScope>>>;

/** VK pages of a region (optionally some municipalities) that have a community: a syndication's targets. */
export function regionPages(db: Db, regionCode: string, municipalityIds?: number[]) {
  let query = db.kysely
    .selectFrom('pages')
    .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
    .select(['pages.id', 'institutions.short_name', 'institutions.full_name', 'institutions.municipality_id'])
    .where('institutions.region_code', '=', regionCode)
    .where('pages.platform', '=', 'vk')
    .where('pages.external_id', 'is not', null);
  if (municipalityIds?.length) query = query.where('institutions.municipality_id', 'in', municipalityIds);
  return query.orderBy('pages.id').execute();
}

export function insertDraft(db: Db, row: Insertable<PlannerDraftTable>) {
  return db.kysely.insertInto('planner_drafts').values(row).returning('id').executeTakeFirstOrThrow();
}

export function draftById(db: Db, id: number) {
  return db.kysely.selectFrom('planner_drafts').selectAll().where('id', '=', id).executeTakeFirst();
}

export type DraftRow = NonNullable<Awaited<ReturnType<typeof draftById>>>;

/** Changes a draft only if it is still in one of the statuses given: the caller saw it so. */
export async function updateDraft(
  db: Db,
  id: number,
  from: DraftStatus[],
  changes: Updateable<PlannerDraftTable>,
): Promise<boolean> {
  const result = await db.kysely
    .updateTable('planner_drafts')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDraft(db: Db, id: number, from: DraftStatus[]): Promise<boolean> {
  const result = await db.kysely
    .deleteFrom('planner_drafts')
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export function draftsOfPage(db: Db, pageId: number, range?: { from: number; to: number }) {
  let query = db.kysely.selectFrom('planner_drafts').selectAll().where('page_id', '=', pageId);
  if (range)
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('planned_at', '>=', range.from), eb('planned_at', '<', range.to)]),
        eb('planned_at', 'is', null),
      ]),
    );
  return query.orderBy('planned_at').orderBy('id').execute();
}

/** Drafts waiting for a decision in the scope: proposals for page admins, second approvals for municipalities. */
export function draftsAwaiting(db: Db, scope: Scope, statuses: DraftStatus[]) {
  return db.kysely
    .selectFrom('planner_drafts as d')
    .innerJoin('pages', 'pages.id', 'd.page_id')
    .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
    .innerJoin('regions', 'regions.code', 'institutions.region_code')
    .selectAll('d')
    .select(['institutions.short_name', 'institutions.full_name', 'regions.timezone'])
    .where('d.status', 'in', statuses)
    .where(inScope(scope, BY_INSTITUTION))
    .orderBy('d.planned_at')
    .orderBy('d.id')
    .limit(500)
    .execute();
}

/** Scheduled drafts whose time has come (and whose retry wait is over), oldest first. */
export function dueDrafts(db: Db, now: number, limit: number) {
  return db.kysely
    .selectFrom('planner_drafts')
    .select(['id', 'page_id'])
    .where('status', '=', 'scheduled')
    .where('planned_at', '<=', now)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .orderBy('planned_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Scheduled drafts due after `from` and by `until` that VK can hold itself (wall.post with publish_date): all
 * kinds but live broadcasts, which start when they are made.
 */
export function handOffDrafts(db: Db, now: number, from: number, until: number, limit: number) {
  return db.kysely
    .selectFrom('planner_drafts')
    .select(['id', 'page_id'])
    .where('status', '=', 'scheduled')
    .where('kind', '!=', 'live')
    .where('planned_at', '>', from)
    .where('planned_at', '<=', until)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .orderBy('planned_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Publications a process began and never finished (it died): they go back to the schedule. */
export async function releaseStaleClaims(db: Db, claimedBefore: number): Promise<number> {
  const result = await db.kysely
    .updateTable('planner_drafts')
    .set({ status: 'scheduled', claimed_at: null })
    .where('status', '=', 'publishing')
    .where('claimed_at', '<', claimedBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A file with its bytes in the database, as files were kept before 0016d (new ones: planner-files.service). */
export function insertFile(
  db: Db,
  row: { pageId: number; name: string; mime: string; data: Buffer; by: number | null; at: number },
) {
  return db.kysely
    .insertInto('planner_files')
    .values({
      page_id: row.pageId,
      name: row.name,
      mime: row.mime,
      size: row.data.length,
      data: row.data,
      created_by: row.by,
      created_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function filesOfPage(db: Db, pageId: number, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.kysely
    .selectFrom('planner_files')
    .select(['id', 'name', 'mime', 'size'])
    .where('page_id', '=', pageId)
    .where('id', 'in', ids)
    .execute();
}

/** The page's own posts in a period (not visitors'), with what they carry (the plan counts them with its drafts). */
export function postsOfPage(db: Db, pageId: number, from: number, to: number) {
  return db.kysely
    .selectFrom('posts')
    .select(['vk_id', 'posted_at', 'photos', 'videos', 'clips', 'polls', 'lives', 'is_repost', 'text'])
    .where('page_id', '=', pageId)
    .where('is_deleted', '=', 0)
    .where('is_visitor', '=', 0)
    .where('posted_at', '>=', from)
    .where('posted_at', '<', to)
    .orderBy('posted_at')
    .execute();
}

export function contributorsOf(db: Db, pageId: number) {
  return db.kysely
    .selectFrom('planner_contributors as c')
    .innerJoin('users', 'users.id', 'c.user_id')
    .select([
      'c.id',
      'c.user_id',
      'c.kind',
      'c.created_at',
      'users.login',
      'users.display_name',
      'users.disabled',
    ])
    .where('c.page_id', '=', pageId)
    .orderBy('c.id')
    .execute();
}

/** The pages a contributor may propose drafts for. */
export async function pagesOfContributor(db: Db, userId: number): Promise<number[]> {
  const rows = await db.kysely
    .selectFrom('planner_contributors')
    .select('page_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.page_id);
}

export async function needsMunicipalityApproval(db: Db, pageId: number): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('planner_page_settings')
    .select('municipality_approval')
    .where('page_id', '=', pageId)
    .executeTakeFirst();
  return row?.municipality_approval === 1;
}

export async function setMunicipalityApproval(
  db: Db,
  pageId: number,
  on: boolean,
  by: number | null,
  at: number,
) {
  const values = { municipality_approval: on ? 1 : 0, changed_by: by, changed_at: at } as const;
  await db.kysely
    .insertInto('planner_page_settings')
    .values({ page_id: pageId, ...values })
    .onConflict((oc) => oc.column('page_id').doUpdateSet(values))
    .execute();
}

/** Pages a manager may plan (in scope, by name), or a contributor's own pages. */
export function plannablePages(db: Db, scope: Scope, options: { q?: string; only?: number[] }) {
  let query = db.kysely
    .selectFrom('pages')
    .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
    .select(['pages.id', 'pages.url', 'institutions.short_name', 'institutions.full_name'])
    .where('pages.platform', '=', 'vk')
    .where(inScope(scope, BY_INSTITUTION));
  if (options.only) query = query.where('pages.id', 'in', options.only.length ? options.only : [-1]);
  if (options.q?.trim()) {
    const like = `%${options.q.trim()}%`;
    query = query.where((eb) =>
      eb.or([eb('institutions.full_name', 'like', like), eb('institutions.short_name', 'like', like)]),
    );
  }
  return query.orderBy('institutions.short_name').orderBy('pages.id').limit(50).execute();
}
