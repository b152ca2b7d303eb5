// wall.getById: posts by "<owner>_<id>", e.g. to check that a published post is there.
import { parsePosts, type VkPost } from '../vk-parse.ts';
import { defineMethod } from './method.ts';

export const wallGetById = defineMethod<{ posts: string; extended?: number }, VkPost[]>({
  name: 'wall.getById',
  params: {
    posts: { required: true, doc: '"<owner>_<post>", comma-separated, up to 100' },
    extended: { doc: '1: profiles and groups too' },
  },
  tokenKinds: ['user', 'service'],
  schemaKinds: ['user', 'service'],
  tokenKindsFrom: 'schema',
  rate: 'wall-read',
  readOnly: true,
  schemaResponse: ['wall', 'wall_getById_response'],
  parse: (r) => parsePosts(r, 'wall.getById'),
});
