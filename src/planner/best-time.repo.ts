// SQL of "best time to post": a page's own posts since a date with their engagement (no reposts, ads, visitors'
// posts or deleted ones: they say nothing about when this page's readers read it).
import type { Db } from '../platform/db.ts';

export function ownPostsSince(db: Db, pageId: number, since: number) {
  return db.kysely
    .selectFrom('posts')
    .select(['posted_at as postedAt', 'views', 'likes', 'comments', 'reposts'])
    .where('page_id', '=', pageId)
    .where('posted_at', '>=', since)
    .where('is_deleted', '=', 0)
    .where('is_repost', '=', 0)
    .where('is_ad', '=', 0)
    .where('is_visitor', '=', 0)
    .execute();
}
