// Posts and comments of one page for the API, joined to the page's institution and filtered by the scope in
// SQL, so a page outside the scope yields nothing even if a caller guesses its id.
import { type Db, pageOf } from '../platform/db.ts';
import type { Scope } from '../platform/scope.ts';
import { selectPagesInScope } from '../registry/index.ts';
import { COMMENT_FIELDS, POST_FIELDS } from './snapshot-read.repo.ts';

export type ContentFilter = {
  from?: number | undefined;
  to?: number | undefined;
  page: number;
  size: number;
};

function scopedPage(db: Db, scope: Scope, pageId: number) {
  return selectPagesInScope(db, scope).select('pages.id').where('pages.id', '=', pageId);
}

export async function listPagePosts(
  db: Db,
  scope: Scope,
  pageId: number,
  filter: ContentFilter & { kind?: string | undefined },
) {
  let query = db.kysely
    .selectFrom('posts')
    .where('posts.page_id', 'in', scopedPage(db, scope, pageId))
    .where('posts.is_deleted', '=', 0);
  if (filter.from !== undefined) query = query.where('posts.posted_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('posts.posted_at', '<', filter.to);
  if (filter.kind === 'poll') query = query.where('posts.polls', '>', 0);
  if (filter.kind === 'clip') query = query.where('posts.clips', '>', 0);
  if (filter.kind === 'video') query = query.where('posts.videos', '>', 0);
  if (filter.kind === 'live') query = query.where('posts.lives', '>', 0);
  if (filter.kind === 'photo') query = query.where('posts.photos', '>', 0);
  return pageOf(
    query,
    (q) => q.select(POST_FIELDS).orderBy('posted_at', 'desc').orderBy('vk_id', 'desc'),
    filter,
  );
}

export async function listPageComments(
  db: Db,
  scope: Scope,
  pageId: number,
  filter: ContentFilter & { post?: number | undefined },
) {
  let query = db.kysely
    .selectFrom('comments')
    .where('comments.page_id', 'in', scopedPage(db, scope, pageId))
    .where('comments.is_deleted', '=', 0);
  if (filter.post !== undefined) query = query.where('comments.post_vk_id', '=', filter.post);
  if (filter.from !== undefined) query = query.where('comments.posted_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('comments.posted_at', '<', filter.to);
  return pageOf(
    query,
    (q) => q.select(COMMENT_FIELDS).orderBy('posted_at', 'desc').orderBy('vk_id', 'desc'),
    filter,
  );
}
