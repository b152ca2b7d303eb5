// utils.resolveScreenName: what a short address (vk.com/<name>) names: a community, a user, nothing.
import { defineMethod } from './method.ts';

export const utilsResolveScreenName = defineMethod<
  { screen_name: string },
  { type: string; object_id: number } | null
>({
  name: 'utils.resolveScreenName',
  params: { screen_name: { required: true, doc: 'the short address' } },
  tokenKinds: ['user', 'community', 'service'],
  schemaKinds: ['user', 'community', 'service'],
  tokenKindsFrom: 'schema',
  rate: 'read',
  readOnly: true,
  schemaResponse: ['utils', 'utils_resolveScreenName_response'],
  // VK answers an empty list for a name it does not know.
  parse: (r) =>
    r && typeof r === 'object' && !Array.isArray(r) ? (r as { type: string; object_id: number }) : null,
});
