// MAX on the network port: a bot token (the bot added as an admin of the institution's channel), the Bot API's
// resources as methods, its limits (modelled) and parsers into the common model.

import { parseMaxUrl } from '../../registry/index.ts';
import type { NetMethod, NetworkPort } from '../port.ts';
import { parseMaxChat, parseMaxMessages } from './max-parse.ts';

const m = (name: string, rate: NetMethod['rate'], from: NetMethod['from'], doc: string): NetMethod => ({
  name,
  tokenKinds: ['bot'],
  rate,
  readOnly: rate === 'read',
  from,
  doc,
});

export const MAX_METHODS: readonly NetMethod[] = [
  m('GET /me', 'read', 'docs', 'the bot itself: checks the token'),
  m('GET /chats', 'read', 'docs', 'the chats and channels the bot is in, marker paging'),
  m(
    'GET /chats/{chatId}',
    'read',
    'modelled',
    'one chat: title, icon, description, participants_count, link',
  ),
  m('GET /messages', 'read', 'docs', 'chat_id, message_ids, from, to, count: newest first'),
  m('POST /messages', 'write', 'docs', 'chat_id; body: text (up to 4,000), attachments, notify, format'),
  m('GET /subscriptions', 'read', 'docs', 'the webhook subscriptions'),
  m('POST /subscriptions', 'write', 'docs', 'url: subscribe a webhook (HTTPS)'),
  m('GET /updates', 'read', 'docs', 'long polling: limit 1–1000, timeout 0–90 s, marker, types'),
];

export const maxPort: NetworkPort = {
  id: 'max',
  title: { ru: 'MAX', en: 'MAX' },
  presence: 'recommended',
  tokenKinds: [
    { kind: 'bot', doc: 'the bot’s token from business.max.ru, sent as the Authorization header (docs)' },
  ],
  limits: {
    perSecond: 30,
    perDay: null,
    from: 'modelled',
    note: 'MAX answers 429 past its rate (docs); 30 requests a second is from public reports, not MAX’s page',
  },
  methods: MAX_METHODS,
  parseUrl: parseMaxUrl,
  parsePage: parseMaxChat,
  parsePosts: parseMaxMessages,
  parseComments: () => [],
};
