// wall.createComment: an answer under a post, on behalf of the community.
import { defineMethod, expectObject } from './method.ts';

export const wallCreateComment = defineMethod<
  { owner_id: number; post_id: number; message: string; reply_to_comment?: number; from_group?: number },
  { comment_id: number }
>({
  name: 'wall.createComment',
  params: {
    owner_id: { required: true, doc: 'the wall' },
    post_id: { required: true, doc: 'the post' },
    message: { required: true, doc: 'the text' },
    reply_to_comment: { doc: 'the comment answered' },
    from_group: { doc: 'the community id (user token of an admin)' },
  },
  tokenKinds: ['user', 'community'],
  schemaKinds: ['user', 'community'],
  tokenKindsFrom: 'schema',
  rate: 'write',
  readOnly: false,
  schemaResponse: ['wall', 'wall_createComment_response'],
  parse: (r) => ({ comment_id: Number(expectObject('wall.createComment', r, 'comment_id').comment_id) }),
});
