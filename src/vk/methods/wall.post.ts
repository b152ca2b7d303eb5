// wall.post: a post on the community's wall (from_group=1), now or postponed (publish_date, VK publishes it).
import { defineMethod, expectObject } from './method.ts';

export const wallPost = defineMethod<
  {
    owner_id: number;
    from_group?: number;
    message?: string;
    attachments?: string;
    publish_date?: number;
    guid?: string;
    mark_as_ads?: number;
    close_comments?: number;
  },
  { post_id: number }
>({
  name: 'wall.post',
  params: {
    owner_id: { required: true, doc: 'negative: the community' },
    from_group: { doc: '1: on behalf of the community (the token owner must be its admin or editor)' },
    message: { doc: 'the text; required without attachments' },
    attachments: { doc: '"photo<owner>_<id>,poll…", up to 10' },
    publish_date: { doc: 'unix time: a postponed post VK publishes itself' },
    guid: { doc: 'the same guid again answers with the same post: exactly once' },
    mark_as_ads: { doc: '1: an ad' },
    close_comments: { doc: '1: comments closed' },
  },
  tokenKinds: ['user', 'community'],
  schemaKinds: ['user'],
  tokenKindsFrom: 'reports',
  note: "VK's schema says user only; a public report (gitroomhq/postiz-app#1408, 2026) finds a community token's wall.post with from_group=1 works for text. Needs checking with a real token (publica vk check does not post).",
  rate: 'write',
  readOnly: false,
  schemaResponse: ['wall', 'wall_post_response'],
  parse: (r) => ({ post_id: Number(expectObject('wall.post', r, 'post_id').post_id) }),
});
