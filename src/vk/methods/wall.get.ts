// wall.get: a wall's posts, newest first (pinned first), 100 a page.
import { parsePosts, type VkPost } from '../vk-parse.ts';
import { defineMethod } from './method.ts';

export const wallGet = defineMethod<
  { owner_id: number; offset?: number; count?: number; extended?: number },
  { count: number; items: VkPost[] }
>({
  name: 'wall.get',
  params: {
    owner_id: {
      required: true,
      doc: 'negative for a community (dropped from the schema in 2024, still live)',
    },
    offset: { doc: 'posts to skip' },
    count: { doc: 'up to 100' },
    extended: { doc: '1: profiles and groups too' },
  },
  tokenKinds: ['user', 'service'],
  schemaKinds: ['user', 'service'],
  tokenKindsFrom: 'schema',
  rate: 'wall-read',
  readOnly: true,
  schemaResponse: ['wall', 'wall_get_response'],
  parse: (r) => ({ count: Number((r as { count?: number })?.count ?? 0), items: parsePosts(r, 'wall.get') }),
});
