// groups.getLongPollServer: the Bots Long Poll address, key and last event number of a community.
import { defineMethod, expectObject } from './method.ts';

export const groupsGetLongPollServer = defineMethod<
  { group_id: number },
  { server: string; key: string; ts: string }
>({
  name: 'groups.getLongPollServer',
  params: { group_id: { required: true, doc: 'the community' } },
  tokenKinds: ['user', 'community'],
  schemaKinds: ['user', 'community'],
  tokenKindsFrom: 'schema',
  rate: 'read',
  readOnly: true,
  schemaResponse: ['groups', 'groups_getLongPollServer_response'],
  parse: (r) => {
    const o = expectObject('groups.getLongPollServer', r, 'server', 'key', 'ts');
    return { server: String(o.server), key: String(o.key), ts: String(o.ts) };
  },
});
