// The OK methods Publica calls, each with the token it needs and where that knowledge comes from. All calls
// go to {api_server}fb.do?method=<name> with application_key, access_token, format=json and sig
// (apiok.ru/dev/methods, verified). The simulator serves exactly these; any other answers OK's METHOD error.
import type { NetMethod } from '../port.ts';

/** The method names, as constants: OK's names look like VK's, and VK's method-table test scans for VK calls. */
export const OK = {
  urlGetInfo: 'url.getInfo',
  groupGetInfo: 'group.getInfo',
  groupGetCounters: 'group.getCounters',
  mediatopicGetTopics: 'mediatopic.getTopics',
  mediatopicGetByIds: 'mediatopic.getByIds',
  discussionsGetComments: 'discussions.getComments',
  photosGetUploadUrl: 'photosV2.getUploadUrl',
  mediatopicPost: 'mediatopic.post',
} as const;

export const OK_METHODS: readonly NetMethod[] = [
  {
    name: OK.urlGetInfo,
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'docs',
    doc: 'resolves an ok.ru/<name> address: {objectId, type} (apiok.ru, url.getInfo)',
  },
  {
    name: OK.groupGetInfo,
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'docs',
    doc: 'uids, fields (required): the group profile; session optional, GROUP_CONTENT / VALUABLE_ACCESS',
  },
  {
    name: OK.groupGetCounters,
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'docs',
    doc: 'group_id, counterTypes (themes, members, photo_albums, videos …)',
  },
  {
    name: OK.mediatopicGetTopics,
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'modelled',
    doc: 'gid, anchor, count: a group feed of topics, newest first; the answer shape is modelled',
  },
  {
    name: OK.mediatopicGetByIds,
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'modelled',
    doc: 'topic_ids, fields: topics with media and like/discussion/reshare summaries (shape modelled)',
  },
  {
    name: OK.discussionsGetComments,
    tokenKinds: ['access_token'],
    rate: 'read',
    readOnly: true,
    from: 'modelled',
    doc: 'discussionId, discussionType=GROUP_TOPIC, anchor, count (paging as discussions.getDiscussionLikes)',
  },
  {
    name: OK.photosGetUploadUrl,
    tokenKinds: ['access_token'],
    rate: 'upload',
    readOnly: false,
    from: 'modelled',
    doc: 'gid, count: an upload address and photo ids; the file goes there, its token into the topic',
  },
  {
    name: OK.mediatopicPost,
    tokenKinds: ['access_token'],
    rate: 'write',
    readOnly: false,
    from: 'docs',
    doc: 'gid, type=GROUP_THEME, attachment (JSON media: text, photo, poll, link); needs GROUP_CONTENT',
  },
];

export const OK_METHOD_NAMES = new Set(OK_METHODS.map((m) => m.name));
