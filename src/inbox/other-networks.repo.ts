// SQL of the comments people leave on the institutions' OK topics, counted per topic: the inbox answers through
// VK, so it shows these as counts with links to the topics on OK, where they are answered.
import type { Db } from '../platform/db.ts';
import type { Scope } from '../platform/scope.ts';
import { selectPagesInScope } from '../registry/index.ts';

/** People's comments (not the group's own) on OK topics of pages in scope since `since`, per topic. */
export function okCommentsByTopic(db: Db, scope: Scope, filter: { since: number; pageId?: number }) {
  let query = selectPagesInScope(db, scope)
    .innerJoin('comments', 'comments.page_id', 'pages.id')
    .select(({ fn }) => [
      'pages.id as page_id',
      'pages.url',
      'pages.external_id',
      'institutions.short_name as institution',
      'comments.post_vk_id',
      fn.countAll<number>().as('n'),
      fn.max('comments.posted_at').as('last_at'),
    ])
    .where('pages.platform', '=', 'ok')
    .where('comments.is_from_community', '=', 0)
    .where('comments.is_deleted', '=', 0)
    .where('comments.posted_at', '>=', filter.since);
  // The inbox's page filter names a VK page: its institution's OK group is shown.
  if (filter.pageId !== undefined) {
    const pageId = filter.pageId;
    query = query.where('pages.institution_id', '=', (eb) =>
      eb.selectFrom('pages as vk').select('vk.institution_id').where('vk.id', '=', pageId),
    );
  }
  return query
    .groupBy(['pages.id', 'pages.url', 'pages.external_id', 'institutions.short_name', 'comments.post_vk_id'])
    .execute();
}
