// wall.getComments: a post's comments (a level at a time: top or one thread), with thread counts.
import { parseComments, type VkComment } from '../vk-parse.ts';
import { defineMethod } from './method.ts';

export const wallGetComments = defineMethod<
  {
    owner_id: number;
    post_id: number;
    comment_id?: number;
    offset?: number;
    count?: number;
    sort?: string;
    thread_items_count?: number;
    need_likes?: number;
  },
  VkComment[]
>({
  name: 'wall.getComments',
  params: {
    owner_id: { required: true, doc: 'the wall' },
    post_id: { required: true, doc: 'the post' },
    comment_id: { doc: 'a thread root: its replies' },
    offset: { doc: 'comments to skip' },
    count: { doc: 'up to 100' },
    sort: { doc: 'asc or desc' },
    thread_items_count: { doc: 'replies sent with each comment, up to 10' },
    need_likes: { doc: '1: likes too' },
  },
  tokenKinds: ['user', 'service'],
  schemaKinds: ['user', 'service'],
  tokenKindsFrom: 'schema',
  rate: 'wall-read',
  readOnly: true,
  schemaResponse: ['wall', 'wall_getComments_response'],
  parse: (r) => parseComments(r, 'wall.getComments'),
});
