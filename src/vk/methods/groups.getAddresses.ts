// groups.getAddresses: a community's addresses with their opening hours.
import { defineMethod, expectObject } from './method.ts';

export type VkAddress = { id: number; address?: string; title?: string; timetable_text?: string };

export const groupsGetAddresses = defineMethod<
  { group_id: number; count?: number; fields?: string },
  { count: number; items: VkAddress[] }
>({
  name: 'groups.getAddresses',
  params: {
    group_id: { required: true, doc: 'the community' },
    count: { doc: 'up to 100' },
    fields: { doc: 'e.g. timetable' },
  },
  tokenKinds: ['user', 'service'],
  schemaKinds: ['user', 'service'],
  tokenKindsFrom: 'schema',
  rate: 'read',
  readOnly: true,
  schemaResponse: ['groups', 'groups_getAddresses_response'],
  parse: (r) => {
    const o = expectObject('groups.getAddresses', r, 'items');
    return { count: Number(o.count ?? 0), items: (o.items as VkAddress[]) ?? [] };
  },
});
