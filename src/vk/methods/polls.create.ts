// polls.create: a poll to attach to a post.
import { defineMethod, expectObject } from './method.ts';

export const pollsCreate = defineMethod<
  { owner_id: number; question: string; add_answers: string; is_multiple?: number; end_date?: number },
  { id: number; owner_id: number }
>({
  name: 'polls.create',
  params: {
    owner_id: { required: true, doc: 'negative: the community' },
    question: { required: true, doc: 'the question' },
    add_answers: { required: true, doc: 'JSON list of 1–10 answers' },
    is_multiple: { doc: '1: several answers' },
    end_date: { doc: 'unix time the poll closes; 0 never' },
  },
  tokenKinds: ['user'],
  schemaKinds: ['user'],
  tokenKindsFrom: 'schema',
  rate: 'upload',
  readOnly: false,
  schemaResponse: ['polls', 'polls_create_response'],
  parse: (r) => {
    const o = expectObject('polls.create', r, 'id', 'owner_id');
    return { id: Number(o.id), owner_id: Number(o.owner_id) };
  },
});
