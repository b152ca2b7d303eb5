// SQL of the inbox: the comments of pages in the caller's scope since a date (users' comments and the
// community's replies, which decide what still waits), people's decisions on them, replies sent through
// Publica, and dismissed safety flags.
import type { Db } from '../platform/db.ts';
import type { InboxStatus } from '../platform/db-schema.ts';
import { BY_INSTITUTION, inScope, type Scope } from '../platform/scope.ts';
import { selectInPieces } from '../platform/select-in-pieces.ts';

export type ThreadRow = {
  id: number;
  page_id: number;
  post_vk_id: number;
  vk_id: number;
  from_id: number;
  is_from_community: number;
  is_deleted: number;
  /** Replies VK counted in the thread that an imported file did not carry; NULL or 0: none missing. */
  replies_missing: number | null;
  posted_at: number;
  reply_to_comment: number | null;
  thread_root: number | null;
  text: string;
  url: string;
  external_id: number | null;
  institution: string | null;
  region_code: string | null;
  municipality_id: number | null;
  timezone: string | null;
};

/** Comments that can wait (users') or answer (the community's replies) on pages in scope, since `since`. */
export function threadComments(db: Db, scope: Scope, filter: { since: number; pageId?: number }) {
  let query = db.kysely
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
    .leftJoin('regions', 'regions.code', 'institutions.region_code')
    .select([
      'comments.id',
      'comments.page_id',
      'comments.post_vk_id',
      'comments.vk_id',
      'comments.from_id',
      'comments.is_from_community',
      'comments.is_deleted',
      'comments.replies_missing',
      'comments.posted_at',
      'comments.reply_to_comment',
      'comments.thread_root',
      'comments.text',
      'pages.url',
      'pages.external_id',
      'institutions.short_name as institution',
      'institutions.region_code',
      'institutions.municipality_id',
      'regions.timezone',
    ])
    .where(inScope(scope, BY_INSTITUTION))
    // The queue answers through VK: an OK topic's comments are collected for the audit, not queued here (a reply
    // would go nowhere, and the links are VK's).
    .where('pages.platform', '=', 'vk')
    .where('comments.posted_at', '>=', filter.since)
    .where((eb) =>
      eb.or([eb('comments.is_from_community', '=', 0), eb('comments.reply_to_comment', 'is not', null)]),
    );
  if (filter.pageId !== undefined) query = query.where('comments.page_id', '=', filter.pageId);
  return query.orderBy('comments.id').execute() as Promise<ThreadRow[]>;
}

/** One comment on a page in scope, with what a reply to it needs. */
export function commentInScope(db: Db, scope: Scope, commentId: number) {
  return db.kysely
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
    .select([
      'comments.id',
      'comments.page_id',
      'comments.post_vk_id',
      'comments.vk_id',
      'comments.thread_root',
      'comments.is_from_community',
      'pages.external_id',
    ])
    .where('comments.id', '=', commentId)
    .where('pages.platform', '=', 'vk')
    .where(inScope(scope, BY_INSTITUTION))
    .executeTakeFirst();
}

export function statesOf(db: Db, commentIds: number[]) {
  if (commentIds.length === 0) return Promise.resolve([]);
  return selectInPieces(commentIds, (piece) =>
    db.kysely
      .selectFrom('inbox_states')
      .leftJoin('users', 'users.id', 'inbox_states.assignee_id')
      .select([
        'inbox_states.comment_id',
        'inbox_states.status',
        'inbox_states.reason',
        'inbox_states.assignee_id',
        'users.login as assignee',
      ])
      .where('inbox_states.comment_id', 'in', piece)
      .execute(),
  );
}

export async function saveState(
  db: Db,
  row: {
    commentId: number;
    status: InboxStatus;
    reason: string | null;
    assigneeId: number | null;
    by: number | null;
    at: number;
  },
): Promise<void> {
  const values = {
    status: row.status,
    reason: row.reason,
    assignee_id: row.assigneeId,
    updated_by: row.by,
    updated_at: row.at,
  };
  await db.kysely
    .insertInto('inbox_states')
    .values({ comment_id: row.commentId, ...values })
    .onConflict((oc) => oc.column('comment_id').doUpdateSet(values))
    .execute();
}

export function findReply(db: Db, key: string) {
  return db.kysely
    .selectFrom('inbox_replies')
    .selectAll()
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Claims the key: true for the first caller, false when a reply with it exists already. */
export async function claimReply(
  db: Db,
  row: { commentId: number; key: string; text: string; by: number | null; at: number },
): Promise<boolean> {
  const result = await db.kysely
    .insertInto('inbox_replies')
    .values({
      comment_id: row.commentId,
      idempotency_key: row.key,
      text: row.text,
      status: 'sending',
      created_by: row.by,
      created_at: row.at,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function finishReply(
  db: Db,
  key: string,
  outcome: { status: 'sent' | 'failed'; vkCommentId?: number; error?: string },
): Promise<void> {
  await db.kysely
    .updateTable('inbox_replies')
    .set({ status: outcome.status, vk_comment_id: outcome.vkCommentId ?? null, error: outcome.error ?? null })
    .where('idempotency_key', '=', key)
    .execute();
}

export function dismissalsOf(db: Db, pageIds: number[]) {
  if (pageIds.length === 0) return Promise.resolve([]);
  return selectInPieces(pageIds, (piece) =>
    db.kysely
      .selectFrom('safety_dismissals')
      .select(['page_id', 'target_type', 'target_vk_id', 'flag_key'])
      .where('page_id', 'in', piece)
      .execute(),
  );
}

export async function saveDismissal(
  db: Db,
  row: {
    pageId: number;
    targetType: 'comment' | 'post';
    targetVkId: number;
    flagKey: string;
    by: number | null;
    at: number;
  },
): Promise<void> {
  await db.kysely
    .insertInto('safety_dismissals')
    .values({
      page_id: row.pageId,
      target_type: row.targetType,
      target_vk_id: row.targetVkId,
      flag_key: row.flagKey,
      dismissed_by: row.by,
      dismissed_at: row.at,
    })
    .onConflict((oc) => oc.columns(['page_id', 'target_type', 'target_vk_id', 'flag_key']).doNothing())
    .execute();
}

/** Where a user's scope is placed and their role, to check an assignee against the caller's scope. */
export function userPlacement(db: Db, userId: number) {
  return db.kysely
    .selectFrom('users')
    .select([
      'role',
      'region_code as regionCode',
      'municipality_id as municipalityId',
      'institution_id as institutionId',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Texts of pages in scope since `since` that a safety check reads: the pages' posts and users' comments. */
export async function textsOnPages(db: Db, scope: Scope, filter: { since: number; pageId?: number }) {
  const base = (table: 'posts' | 'comments') => {
    let q = db.kysely
      .selectFrom(table)
      .innerJoin('pages', 'pages.id', `${table}.page_id`)
      .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
      .where(inScope(scope, BY_INSTITUTION))
      .where(`${table}.posted_at`, '>=', filter.since);
    if (filter.pageId !== undefined) q = q.where(`${table}.page_id`, '=', filter.pageId);
    return q;
  };
  const posts = await base('posts')
    .select([
      'posts.page_id',
      'posts.vk_id',
      'posts.vk_id as post_vk_id',
      'posts.posted_at',
      'posts.text',
      'institutions.short_name as institution',
    ])
    .execute();
  const comments = await base('comments')
    .select([
      'comments.page_id',
      'comments.vk_id',
      'comments.post_vk_id',
      'comments.posted_at',
      'comments.text',
      'institutions.short_name as institution',
    ])
    .where('comments.is_deleted', '=', 0)
    .where('comments.is_from_community', '=', 0)
    .execute();
  return [
    ...posts.map((p) => ({ ...p, target: 'post' as const })),
    ...comments.map((c) => ({ ...c, target: 'comment' as const })),
  ];
}

/** The page, if it lies in scope. */
export function pageInScope(db: Db, scope: Scope, pageId: number) {
  return db.kysely
    .selectFrom('pages')
    .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
    .select('pages.id')
    .where('pages.id', '=', pageId)
    .where(inScope(scope, BY_INSTITUTION))
    .executeTakeFirst();
}
