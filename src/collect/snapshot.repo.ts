// SQL of snapshots: page profiles, posts and comments as collected. Upserts by (page, VK id) make every
// write idempotent, so a resumed or repeated collection stores each post and comment exactly once.
import { type Insertable, sql } from 'kysely';
import { bumpVersion, chunked, countRows, type Db, writeRows } from '../platform/db.ts';
import type { CommentTable, PageSnapshotTable, PostTable } from '../platform/db-schema.ts';
import { setPagesCollectedAt } from '../registry/index.ts';

// 27 columns × 400 rows stays under SQLite's and PostgreSQL's parameter limits.
const CHUNK = 400;

export type PostRow = Insertable<PostTable>;
export type CommentRow = Insertable<CommentTable>;
export type SnapshotRow = Insertable<PageSnapshotTable>;

export async function insertSnapshots(db: Db, rows: SnapshotRow[]): Promise<void> {
  await writeRows(db, rows, (values) => db.kysely.insertInto('page_snapshots').values(values), CHUNK);
  await bumpVersion(db, 'collection');
}

export async function upsertPosts(db: Db, rows: PostRow[]): Promise<void> {
  await writeRows(
    db,
    rows,
    (values) =>
      db.kysely
        .insertInto('posts')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['page_id', 'vk_id']).doUpdateSet((eb) => ({
            edited_at: eb.ref('excluded.edited_at'),
            text: eb.ref('excluded.text'),
            likes: eb.ref('excluded.likes'),
            comments: eb.ref('excluded.comments'),
            reposts: eb.ref('excluded.reposts'),
            views: eb.ref('excluded.views'),
            is_pinned: eb.ref('excluded.is_pinned'),
            comments_closed: eb.ref('excluded.comments_closed'),
            is_deleted: eb.ref('excluded.is_deleted'),
            collected_at: eb.ref('excluded.collected_at'),
            from_id: eb.ref('excluded.from_id'),
            is_visitor: eb.ref('excluded.is_visitor'),
          })),
        ),
    CHUNK,
  );
}

export async function upsertComments(db: Db, rows: CommentRow[]): Promise<void> {
  await writeRows(
    db,
    rows,
    (values) =>
      db.kysely
        .insertInto('comments')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['page_id', 'vk_id']).doUpdateSet((eb) => ({
            // A comment VK now shows as deleted keeps the text it had (its history) and the time it was
            // first found deleted; one VK shows again is there again.
            // (Plain SQL without parameters: the SQLite bulk path binds only the rows' values.)
            text: sql<string>`CASE WHEN excluded.is_deleted = 1 THEN comments.text ELSE excluded.text END`,
            deleted_at: sql<
              number | null
            >`CASE WHEN excluded.is_deleted = 1 THEN COALESCE(comments.deleted_at, excluded.deleted_at) END`,
            is_deleted: eb.ref('excluded.is_deleted'),
            replies_missing: eb.ref('excluded.replies_missing'),
            collected_at: eb.ref('excluded.collected_at'),
          })),
        ),
    CHUNK,
  );
}

/**
 * Comments of posts that VK no longer returns, though those posts' comments were just read in full (`seen`, by
 * post): they were deleted on VK. Each is marked deleted with the time it was found gone; its text stays
 * (history). One read of the page's stored comments of those posts, not one a post.
 */
export async function markVanishedComments(
  db: Db,
  pageId: number,
  seen: ReadonlyMap<number, ReadonlySet<number>>,
  at: number,
): Promise<number> {
  if (seen.size === 0) return 0;
  const gone: number[] = [];
  for (const posts of chunked([...seen.keys()], 500)) {
    const stored = await db.kysely
      .selectFrom('comments')
      .select(['vk_id', 'post_vk_id'])
      .where('page_id', '=', pageId)
      .where('post_vk_id', 'in', posts)
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of stored) if (!seen.get(r.post_vk_id)?.has(r.vk_id)) gone.push(r.vk_id);
  }
  for (const chunk of chunked(gone, 500))
    await db.kysely
      .updateTable('comments')
      .set({ is_deleted: 1, deleted_at: at })
      .where('page_id', '=', pageId)
      .where('vk_id', 'in', chunk)
      .execute();
  if (gone.length > 0) await bumpVersion(db, 'collection');
  return gone.length;
}

export async function markPagesCollected(db: Db, pageIds: number[], at: number): Promise<void> {
  await setPagesCollectedAt(db, pageIds, at);
  await bumpVersion(db, 'collection');
}

export async function countSnapshots(db: Db) {
  const [posts, comments, snapshots] = await Promise.all([
    countRows(db, 'posts'),
    countRows(db, 'comments'),
    countRows(db, 'page_snapshots'),
  ]);
  return { posts, comments, snapshots };
}
