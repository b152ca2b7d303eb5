// Posts and comments that reach collect's tables between collections: comments VK pushes (new, edited,
// deleted, through the Callback API or Long Poll), the community's own answers sent from the inbox, and posts
// the planner just published. The inbox and the planner call these; only collect writes posts and comments.
// Keyed by (page, VK id), so the next collection keeps one row.
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { PostTable } from '../platform/db-schema.ts';

/** A post just published, into the page's posts (the next collection updates it); kept if already there. */
export async function insertPublishedPost(db: Db, row: Insertable<PostTable>) {
  await db.kysely
    .insertInto('posts')
    .values(row)
    .onConflict((oc) => oc.columns(['page_id', 'vk_id']).doNothing())
    .execute();
}

/** The community's answer as VK stored it, at once: the next collection finds the same (page, id) and keeps one. */
export async function storeCommunityComment(
  db: Db,
  row: {
    pageId: number;
    postVkId: number;
    vkId: number;
    fromId: number;
    replyTo: number;
    threadRoot: number;
    text: string;
    at: number;
  },
): Promise<void> {
  await db.kysely
    .insertInto('comments')
    .values({
      page_id: row.pageId,
      post_vk_id: row.postVkId,
      vk_id: row.vkId,
      from_id: row.fromId,
      is_from_community: 1,
      posted_at: row.at,
      reply_to_comment: row.replyTo,
      thread_root: row.threadRoot,
      text: row.text,
      is_deleted: 0,
      collected_at: row.at,
    })
    .onConflict((oc) => oc.columns(['page_id', 'vk_id']).doNothing())
    .execute();
}

export type EventComment = {
  pageId: number;
  postVkId: number;
  vkId: number;
  fromId: number;
  isFromCommunity: boolean;
  postedAt: number;
  replyTo: number | null;
  threadRoot: number | null;
  text: string;
};

const row = (c: EventComment, at: number, deleted: boolean) => ({
  page_id: c.pageId,
  post_vk_id: c.postVkId,
  vk_id: c.vkId,
  from_id: c.fromId,
  is_from_community: c.isFromCommunity ? (1 as const) : (0 as const),
  posted_at: c.postedAt,
  reply_to_comment: c.replyTo,
  thread_root: c.threadRoot,
  text: deleted ? '' : c.text,
  is_deleted: deleted ? (1 as const) : (0 as const),
  collected_at: at,
  deleted_at: deleted ? at : null,
});

/** A new comment: stored unless known (an edit or a deletion that came first wins). */
export async function addEventComment(db: Db, c: EventComment, at: number): Promise<void> {
  await db.kysely
    .insertInto('comments')
    .values(row(c, at, false))
    .onConflict((oc) => oc.columns(['page_id', 'vk_id']).doNothing())
    .execute();
}

/** An edited comment: its new text, unless it is deleted (a deletion is final). */
export async function editEventComment(db: Db, c: EventComment, at: number): Promise<void> {
  await db.kysely
    .insertInto('comments')
    .values(row(c, at, false))
    .onConflict((oc) =>
      oc.columns(['page_id', 'vk_id']).doUpdateSet({ text: c.text }).where('comments.is_deleted', '=', 0),
    )
    .execute();
}

export async function deleteEventComment(db: Db, c: EventComment, at: number): Promise<void> {
  await db.kysely
    .insertInto('comments')
    .values(row(c, at, true))
    .onConflict((oc) => oc.columns(['page_id', 'vk_id']).doUpdateSet({ is_deleted: 1, deleted_at: at }))
    .execute();
}
