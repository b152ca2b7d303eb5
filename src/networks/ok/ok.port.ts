// OK (Одноклассники) on the network port: an application key and secret, a group admin's access token, OK's
// methods, its limits (modelled) and parsers into the common model.

import { parseOkUrl } from '../../registry/index.ts';
import type { NetworkPort } from '../port.ts';
import { OK_METHODS } from './ok-methods.ts';
import { parseOkComments, parseOkGroup, parseOkTopics } from './ok-parse.ts';

export const okPort: NetworkPort = {
  id: 'ok',
  title: { ru: 'Одноклассники', en: 'OK' },
  presence: 'required',
  tokenKinds: [
    { kind: 'application_key', doc: 'the application public key, sent with every call (docs)' },
    { kind: 'application_secret_key', doc: 'never sent: it signs, with the token, every call (docs)' },
    {
      kind: 'access_token',
      doc: 'a group admin’s OAuth token with GROUP_CONTENT and VALUABLE_ACCESS (docs)',
    },
  ],
  limits: {
    perSecond: 5,
    perDay: 10_000,
    from: 'modelled',
    note: 'OK gives per-method budgets (users.getCallsLeft) and answers LIMIT_REACHED (11) when spent; the numbers are assumed',
  },
  methods: OK_METHODS,
  parseUrl: parseOkUrl,
  parsePage: parseOkGroup,
  parsePosts: parseOkTopics,
  parseComments: parseOkComments,
};
