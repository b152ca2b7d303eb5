// groups.getById: communities by id or screen name (up to 500), with the profile fields the audit reads.
import { parseGroups, type VkGroup } from '../vk-parse.ts';
import { defineMethod } from './method.ts';

export const groupsGetById = defineMethod<{ group_ids: string; fields?: string }, VkGroup[]>({
  name: 'groups.getById',
  params: {
    group_ids: { required: true, doc: 'ids or screen names, comma-separated, up to 500 (dev.vk.com)' },
    fields: { doc: 'extra fields; `menu` is undocumented and read tolerantly' },
  },
  tokenKinds: ['user', 'community', 'service'],
  schemaKinds: ['user', 'community', 'service'],
  tokenKindsFrom: 'schema',
  rate: 'read',
  readOnly: true,
  schemaResponse: ['groups', 'groups_getById_object_response'],
  parse: (r) => parseGroups(r, 'groups.getById'),
});
