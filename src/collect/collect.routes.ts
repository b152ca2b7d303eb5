// Thin HTTP adapters over a page's collected posts and comments.
import { z } from 'zod';
import { unixSecondsQuery } from '../platform/calendar-date.ts';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam, listOf, pagination } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { findPageInScope } from '../registry/index.ts';
import { listPageComments, listPagePosts } from './page-content.repo.ts';

const tags = ['collection'];
const range = { from: unixSecondsQuery.optional(), to: unixSecondsQuery.optional() };

const postSchema = z.object({
  vkId: z.number().int(),
  postedAt: z.number().int(),
  editedAt: z.number().int().nullable(),
  text: z.string(),
  attachments: z.object({
    photos: z.number().int(),
    videos: z.number().int(),
    clips: z.number().int(),
    polls: z.number().int(),
    lives: z.number().int(),
    docs: z.number().int(),
    links: z.number().int(),
  }),
  likes: z.number().int(),
  comments: z.number().int(),
  reposts: z.number().int(),
  views: z.number().int(),
  pinned: z.boolean(),
  ad: z.boolean(),
  repost: z.boolean(),
  commentsClosed: z.boolean(),
});

const commentSchema = z.object({
  postVkId: z.number().int(),
  vkId: z.number().int(),
  fromId: z.number().int(),
  fromCommunity: z.boolean(),
  postedAt: z.number().int(),
  replyTo: z.number().int().nullable(),
  threadRoot: z.number().int().nullable(),
  text: z.string(),
});

async function requirePage(db: Db, scope: Scope, id: number): Promise<void> {
  if (!(await findPageInScope(db, scope, id))) throw notFound('page', id);
}

export function collectRoutes(db: Db) {
  return (app: App) => {
    app.get(
      '/api/pages/:id/posts',
      {
        config: { access: 'data.read' },
        schema: {
          tags,
          summary:
            'Collected posts of a page, newest first; from/to are unix seconds; kind keeps posts with such attachments',
          params: idParam,
          querystring: z.object({
            ...pagination,
            ...range,
            kind: z.enum(['poll', 'clip', 'video', 'live', 'photo']).optional(),
          }),
          response: { 200: listOf(postSchema), ...errorResponses },
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
      '/api/pages/:id/comments',
      {
        config: { access: 'comments.read' },
        schema: {
          tags,
          summary: 'Collected comments of a page (or of one post), newest first',
          params: idParam,
          querystring: z.object({ ...pagination, ...range, post: z.coerce.number().int().optional() }),
          response: { 200: listOf(commentSchema), ...errorResponses },
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
