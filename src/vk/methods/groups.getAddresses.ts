// groups.getAddresses: a community's addresses with their opening hours.
import { defineMethod, expectObject } from './method.ts';

/** VK's schema: `timetable` is a week of days ({open_time, close_time, break_*} in minutes from midnight). */
export type VkAddress = {
  id: number;
  address?: string;
  additional_address?: string;
  title?: string;
  phone?: string;
  work_info_status?: string;
  timetable?: Record<string, { open_time?: number; close_time?: number }>;
};

export const groupsGetAddresses = defineMethod<
  { group_id: number; count?: number; fields?: string },
  { count: number; items: VkAddress[] }
>({
  name: 'groups.getAddresses',
  params: {
    group_id: { required: true, doc: 'the community' },
    count: { doc: 'up to 100' },
    fields: { doc: 'title, address, additional_address, phone, work_info_status, timetable …' },
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
