// The OK methods Publica calls, each with the token it needs and where that knowledge comes from. All calls
// go to {api_server}fb.do?method=<name> with application_key, access_token, format=json and sig
// (apiok.ru/dev/methods, verified). The simulator serves exactly these; any other answers OK's METHOD error.
import type { NetMethod } from '../port.ts';

export const OK_METHODS: readonly NetMethod[] = [
  {
    name: 'url.getInfo',
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'docs',
    doc: 'resolves an ok.ru/<name> address: {objectId, type} (apiok.ru, url.getInfo)',
  },
  {
    name: 'group.getInfo',
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'docs',
    doc: 'uids, fields (required): the group profile; session optional, GROUP_CONTENT / VALUABLE_ACCESS',
  },
  {
    name: 'group.getCounters',
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'docs',
    doc: 'group_id, counterTypes (themes, members, photo_albums, videos …)',
  },
  {
    name: 'mediatopic.getTopics',
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'modelled',
    doc: 'gid, anchor, count: a group feed of topics, newest first; the answer shape is modelled',
  },
  {
    name: 'mediatopic.getByIds',
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'modelled',
    doc: 'topic_ids, fields: topics with media and like/discussion/reshare summaries (shape modelled)',
  },
  {
    name: 'discussions.getComments',
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'modelled',
    doc: 'discussionId, discussionType=GROUP_TOPIC, anchor, count (paging as discussions.getDiscussionLikes)',
  },
  {
    name: 'photosV2.getUploadUrl',
    tokenKinds: ['access_token'],
    rate: 'upload',
    readOnly: false,
    from: 'modelled',
    doc: 'gid, count: an upload address and photo ids; the file goes there, its token into the topic',
  },
  {
    name: 'mediatopic.post',
    tokenKinds: ['access_token'],
    rate: 'write',
    readOnly: false,
    from: 'docs',
    doc: 'gid, type=GROUP_THEME, attachment (JSON media: text, photo, poll, link); needs GROUP_CONTENT',
  },
];

export const OK_METHOD_NAMES = new Set(OK_METHODS.map((m) => m.name));
