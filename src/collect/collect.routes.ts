// Thin HTTP adapters over a page's collected posts and comments.
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { findPageInScope } from '../registry/index.ts';
import { collectContract } from './collect.contract.ts';
import { listPageComments, listPagePosts } from './page-content.repo.ts';

const tags = ['collection'];
const c = collectContract;

async function requirePage(db: Db, scope: Scope, id: number): Promise<void> {
  if (!(await findPageInScope(db, scope, id))) throw notFound('page', id);
}

export function collectRoutes(db: Db) {
  return (app: App) => {
    app.get(
      c.posts.path,
      {
        config: { access: c.posts.access },
        schema: {
          tags,
          summary:
            'Collected posts of a page, newest first; from/to are unix seconds; kind keeps posts with such attachments',
          params: c.posts.params,
          querystring: c.posts.query,
          response: { 200: c.posts.response, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        await requirePage(db, scope, request.params.id);
        const { items, total } = await listPagePosts(db, scope, request.params.id, request.query);
        return {
          items: items.map((p) => ({
            vkId: p.vk_id,
            postedAt: p.posted_at,
            editedAt: p.edited_at,
            text: p.text,
            attachments: {
              photos: p.photos,
              videos: p.videos,
              clips: p.clips,
              polls: p.polls,
              lives: p.lives,
              docs: p.docs,
              links: p.links,
            },
            likes: p.likes,
            comments: p.comments,
            reposts: p.reposts,
            views: p.views,
            pinned: p.is_pinned === 1,
            ad: p.is_ad === 1,
            repost: p.is_repost === 1,
            commentsClosed: p.comments_closed === 1,
          })),
          total,
          page: request.query.page,
          size: request.query.size,
        };
      },
    );

    app.get(
      c.comments.path,
      {
        config: { access: c.comments.access },
        schema: {
          tags,
          summary: 'Collected comments of a page (or of one post), newest first',
          params: c.comments.params,
          querystring: c.comments.query,
          response: { 200: c.comments.response, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        await requirePage(db, scope, request.params.id);
        const { items, total } = await listPageComments(db, scope, request.params.id, request.query);
        return {
          items: items.map((c) => ({
            postVkId: c.post_vk_id,
            vkId: c.vk_id,
            fromId: c.from_id,
            fromCommunity: c.is_from_community === 1,
            postedAt: c.posted_at,
            replyTo: c.reply_to_comment,
            threadRoot: c.thread_root,
            text: c.text,
          })),
          total,
          page: request.query.page,
          size: request.query.size,
        };
      },
    );
  };
}
