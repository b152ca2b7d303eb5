// SQL of the context a work-queue row shows: the post a question was asked under, and who sent the reply
// through Publica (the answer itself is a comment of the thread, read with the thread).
import type { Db } from '../platform/db.ts';
import { selectInPieces } from '../platform/select-in-pieces.ts';

/** The texts of the posts (page id, post VK id) the questions of one queue page hang under. */
export async function postTextsOf(
  db: Db,
  posts: { pageId: number; postVkId: number }[],
): Promise<Map<string, string>> {
  if (posts.length === 0) return new Map();
  // Pieces of posts, each read by its own page and post ids (two lists: a piece keeps both under the limit).
  const rows = await selectInPieces(posts, (piece) =>
    db.kysely
      .selectFrom('posts')
      .select(['page_id', 'vk_id', 'text'])
      .where('page_id', 'in', [...new Set(piece.map((p) => p.pageId))])
      .where('vk_id', 'in', [...new Set(piece.map((p) => p.postVkId))])
      .execute(),
  );
  return new Map(rows.map((r) => [`${r.page_id}:${r.vk_id}`, r.text]));
}

/** The login of whoever sent the (last successful) reply to each comment through Publica. */
export async function replyAuthorsOf(db: Db, commentIds: number[]): Promise<Map<number, string>> {
  if (commentIds.length === 0) return new Map();
  const rows = (
    await selectInPieces(commentIds, (piece) =>
      db.kysely
        .selectFrom('inbox_replies')
        .leftJoin('users', 'users.id', 'inbox_replies.created_by')
        .select(['inbox_replies.comment_id', 'users.login', 'inbox_replies.created_at'])
        .where('inbox_replies.comment_id', 'in', piece)
        .where('inbox_replies.status', '=', 'sent')
        .execute(),
    )
  ).sort((a, b) => Number(a.created_at) - Number(b.created_at));
  return new Map(rows.filter((r) => r.login !== null).map((r) => [r.comment_id, r.login as string]));
}
