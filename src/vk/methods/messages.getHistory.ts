// messages.getHistory: one conversation's messages, newest first (rev=1: oldest first).
import { parseMessages, type VkMessage } from '../vk-messages-parse.ts';
import { defineMethod } from './method.ts';

export const messagesGetHistory = defineMethod<
  { peer_id: number; group_id?: number; offset?: number; count?: number; rev?: number },
  { count: number; items: VkMessage[] }
>({
  name: 'messages.getHistory',
  params: {
    peer_id: { required: true, doc: 'the conversation (a user id for a private conversation)' },
    group_id: { doc: "the community (an admin's user token names it)" },
    offset: { doc: 'messages to skip' },
    count: { doc: 'up to 200' },
    rev: { doc: '1: oldest first' },
  },
  tokenKinds: ['user', 'community'],
  schemaKinds: ['user', 'community'],
  tokenKindsFrom: 'schema',
  rate: 'read',
  readOnly: true,
  schemaResponse: ['messages', 'messages_getHistory_response'],
  parse: (r) => parseMessages(r, 'messages.getHistory'),
});
