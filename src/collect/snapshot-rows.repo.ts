// The audit's bulk read of posts and comments on SQLite: the same rows, order and filters as readPosts and
// readComments, read as arrays of column values (better-sqlite3's raw mode) through statements kept per batch
// size, so a batch of pages costs one small array per row instead of a driver row object, a query builder pass
// and a regrouping. PostgreSQL goes through readPosts and readComments.
import type SQLite from 'better-sqlite3';
import type { PeriodBounds } from './snapshot-read.repo.ts';

/** Post columns in this order: page_id, then POST_FIELDS. */
export const POST_ROW_SQL = `select page_id, vk_id, posted_at, edited_at, text, photos, videos, clips, polls, lives,
  docs, links, likes, comments, reposts, views, is_pinned, is_ad, is_repost, comments_closed
  from posts where page_id in (select value from json_each(?)) and posted_at >= ? and posted_at < ?
  and is_deleted = 0 and is_visitor = 0 order by page_id, posted_at, vk_id`;

/** Comment columns in this order: page_id, then COMMENT_FIELDS, is_deleted, replies_missing. */
export const COMMENT_ROW_SQL = `select page_id, post_vk_id, vk_id, from_id, is_from_community, posted_at,
  reply_to_comment, thread_root, text, is_deleted, replies_missing
  from comments where page_id in (select value from json_each(?)) and posted_at >= ? and posted_at < ?
  order by page_id, post_vk_id, vk_id`;

export type RawRow = unknown[];

const statements = new WeakMap<SQLite.Database, { posts: SQLite.Statement; comments: SQLite.Statement }>();

function prepared(database: SQLite.Database) {
  let kept = statements.get(database);
  if (!kept) {
    kept = {
      posts: database.prepare(POST_ROW_SQL).raw(true),
      comments: database.prepare(COMMENT_ROW_SQL).raw(true),
    };
    statements.set(database, kept);
  }
  return kept;
}

/** Posts of the pages in the period as column arrays, ordered by page, date and id. */
export function readPostRows(database: SQLite.Database, pageIds: number[], period: PeriodBounds): RawRow[] {
  return prepared(database).posts.all(JSON.stringify(pageIds), period.start, period.end) as RawRow[];
}

/**
 * Comments of the pages in the period as column arrays, in VK's order, with readComments' rule for threads VK
 * did not send in full (such a comment is kept only when the community answered it).
 */
export function readCommentRows(
  database: SQLite.Database,
  pageIds: number[],
  period: PeriodBounds,
): RawRow[] {
  const rows = prepared(database).comments.all(JSON.stringify(pageIds), period.start, period.end) as RawRow[];
  if (!rows.some((r) => ((r[10] as number | null) ?? 0) > 0)) return rows;
  const answered = new Set(
    rows.filter((r) => r[4] === 1 && r[9] === 0).map((r) => `${r[0]}:${r[7] ?? r[6]}`),
  );
  return rows.filter((r) => ((r[10] as number | null) ?? 0) === 0 || answered.has(`${r[0]}:${r[2]}`));
}
