// Reads stored snapshots for judging: for a set of pages and a period, the latest profile, the posts and
// comments in the period, the last post before it and the pinned post. Columns are only those rules use.
import type { Db } from '../platform/db.ts';

export type PeriodBounds = { start: number; end: number };

export async function readProfiles(db: Db, pageIds: number[], end: number) {
  const rows = await db.kysely
    .selectFrom('page_snapshots')
    .selectAll()
    .where('page_id', 'in', pageIds)
    .where('collected_at', '<=', end)
    .orderBy('page_id')
    .orderBy('collected_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.page_id)) latest.set(row.page_id, row);
  // A past period audited after the first visit: no profile was taken by its end, so the earliest one taken
  // later stands in (names, avatars and descriptions change slowly; a missing profile would score zero).
  const missing = pageIds.filter((id) => !latest.has(id));
  if (missing.length > 0) {
    const later = await db.kysely
      .selectFrom('page_snapshots')
      .selectAll()
      .where('page_id', 'in', missing)
      .where('collected_at', '>', end)
      .orderBy('page_id')
      .orderBy('collected_at')
      .orderBy('id')
      .execute();
    for (const row of later) if (!latest.has(row.page_id)) latest.set(row.page_id, row);
  }
  return latest;
}

/** The columns of a post the audit and the API read (with page_id for the audit's batches). */
export const POST_FIELDS = [
  'vk_id',
  'posted_at',
  'edited_at',
  'text',
  'photos',
  'videos',
  'clips',
  'polls',
  'lives',
  'docs',
  'links',
  'likes',
  'comments',
  'reposts',
  'views',
  'is_pinned',
  'is_ad',
  'is_repost',
  'comments_closed',
] as const;

const POST_COLUMNS = ['page_id', ...POST_FIELDS] as const;

export type PostSnapshot = Awaited<ReturnType<typeof readPosts>>[number];

/** The community's own posts: a visitor's post on an open wall (and its polls) is kept, not judged. */
export function readPosts(db: Db, pageIds: number[], period: PeriodBounds) {
  return db.kysely
    .selectFrom('posts')
    .select(POST_COLUMNS)
    .where('page_id', 'in', pageIds)
    .where('posted_at', '>=', period.start)
    .where('posted_at', '<', period.end)
    .where('is_deleted', '=', 0)
    .where('is_visitor', '=', 0)
    .orderBy('page_id')
    .orderBy('posted_at')
    .orderBy('vk_id')
    .execute();
}

/** The columns of a comment the audit and the API read. */
export const COMMENT_FIELDS = [
  'post_vk_id',
  'vk_id',
  'from_id',
  'is_from_community',
  'posted_at',
  'reply_to_comment',
  'thread_root',
  'text',
] as const;

export type CommentSnapshot = Awaited<ReturnType<typeof readComments>>[number];

/**
 * In VK's order, not the order they were stored in: results and their evidence must not depend on it. A comment
 * whose thread VK did not send in full (an imported file) and that holds no reply of the community is left out:
 * whether it was answered is unknown, so it counts neither as answered nor as unanswered.
 */
export async function readComments(db: Db, pageIds: number[], period: PeriodBounds) {
  const rows = await db.kysely
    .selectFrom('comments')
    .select(['page_id', ...COMMENT_FIELDS, 'is_deleted', 'replies_missing'])
    .where('page_id', 'in', pageIds)
    .where('posted_at', '>=', period.start)
    .where('posted_at', '<', period.end)
    .orderBy('page_id')
    .orderBy('post_vk_id')
    .orderBy('vk_id')
    .execute();
  if (!rows.some((r) => (r.replies_missing ?? 0) > 0)) return rows;
  const answered = new Set(
    rows
      .filter((r) => r.is_from_community === 1 && r.is_deleted === 0)
      .map((r) => `${r.page_id}:${r.thread_root ?? r.reply_to_comment}`),
  );
  return rows.filter((r) => (r.replies_missing ?? 0) === 0 || answered.has(`${r.page_id}:${r.vk_id}`));
}

export async function readLastPostsBefore(db: Db, pageIds: number[], before: number) {
  const rows = await db.kysely
    .selectFrom('posts')
    .select(['page_id', (eb) => eb.fn.max('posted_at').as('last')])
    .where('page_id', 'in', pageIds)
    .where('posted_at', '<', before)
    .where('is_deleted', '=', 0)
    .where('is_visitor', '=', 0)
    .groupBy('page_id')
    .execute();
  return new Map(rows.map((r) => [r.page_id, Number(r.last)]));
}

export async function readPinnedPosts(db: Db, pageIds: number[]) {
  const rows = await db.kysely
    .selectFrom('posts')
    .select(POST_COLUMNS)
    .where('page_id', 'in', pageIds)
    .where('is_pinned', '=', 1)
    .where('is_deleted', '=', 0)
    .where('is_visitor', '=', 0)
    .execute();
  return new Map(rows.map((r) => [r.page_id, r]));
}
