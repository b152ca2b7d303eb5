// messages.send: a message from the community to a person. random_id is the sender's key: VK sends a message
// with a random_id it has seen from this sender once, so a retry never sends twice.
import { AppError } from '../../platform/errors.ts';
import { defineMethod } from './method.ts';

export const messagesSend = defineMethod<
  { peer_id: number; random_id: number; message: string; group_id?: number; reply_to?: number },
  { message_id: number }
>({
  name: 'messages.send',
  params: {
    peer_id: { required: true, doc: 'the person (their user id)' },
    random_id: {
      required: true,
      doc: 'a unique 32-bit key per message: a retry with the same key sends once',
    },
    message: { required: true, doc: 'the text, up to 4096 characters' },
    group_id: { doc: "the community (an admin's user token names it)" },
    reply_to: { doc: 'the message answered' },
  },
  tokenKinds: ['user', 'community'],
  schemaKinds: ['user', 'community'],
  tokenKindsFrom: 'schema',
  rate: 'write',
  readOnly: false,
  schemaResponse: ['messages', 'messages_send_deprecated_response'],
  parse: (r) => {
    if (typeof r !== 'number' || !Number.isInteger(r))
      throw new AppError(
        'UPSTREAM_UNAVAILABLE',
        `messages.send: VK answered ${JSON.stringify(r)?.slice(0, 80)}`,
      );
    return { message_id: r };
  },
});
