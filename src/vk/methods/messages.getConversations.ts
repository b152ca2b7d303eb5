// messages.getConversations: the community's conversations, newest first, each with its last message.
import { parseConversations, type VkConversation } from '../vk-messages-parse.ts';
import { defineMethod } from './method.ts';

export const messagesGetConversations = defineMethod<
  { group_id?: number; offset?: number; count?: number; filter?: string; extended?: number },
  { count: number; items: VkConversation[] }
>({
  name: 'messages.getConversations',
  params: {
    group_id: { doc: "the community (a community token acts for its own; an admin's user token names it)" },
    offset: { doc: 'conversations to skip' },
    count: { doc: 'up to 200' },
    filter: { doc: 'all, unread, important, unanswered' },
    extended: { doc: '1: profiles and groups too' },
  },
  tokenKinds: ['user', 'community'],
  schemaKinds: ['user', 'community'],
  tokenKindsFrom: 'schema',
  rate: 'read',
  readOnly: true,
  schemaResponse: ['messages', 'messages_getConversations_response'],
  parse: (r) => parseConversations(r, 'messages.getConversations'),
});
