// A page's collected content as data: its posts and its comments. The routes register from here; the web app's
// client is typed from it (type-only).
import { z } from 'zod';
import { unixSecondsQuery } from '../platform/calendar-date.ts';
import { route } from '../platform/http/contract.ts';
import { idParam, listOf, pagination } from '../platform/http/schemas.ts';

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

export const collectContract = {
  posts: route({
    method: 'GET',
    path: '/api/pages/:id/posts',
    access: 'data.read',
    params: idParam,
    query: z.object({
      ...pagination,
      ...range,
      kind: z.enum(['poll', 'clip', 'video', 'live', 'photo']).optional(),
    }),
    response: listOf(postSchema),
  }),
  comments: route({
    method: 'GET',
    path: '/api/pages/:id/comments',
    access: 'comments.read',
    params: idParam,
    query: z.object({ ...pagination, ...range, post: z.coerce.number().int().optional() }),
    response: listOf(commentSchema),
  }),
};
