// POST /api/inbox/messages/:id/check-reply: check a draft reply to a message against the rework criteria.
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { inboxContract } from './inbox.contract.ts';
import { checkDraftReply } from './reply-check.service.ts';

const tags = ['inbox'];
const c = inboxContract;
const now = () => Math.floor(Date.now() / 1000);

export function checkReplyRoute(app: App, db: Db): void {
  app.post(
    c.checkMessageReply.path,
    {
      config: { access: c.checkMessageReply.access },
      schema: {
        tags,
        summary: 'Check a draft reply to a message against the rework criteria (a warning, not a block)',
        params: c.checkMessageReply.params,
        body: c.checkMessageReply.body,
        response: {
          200: c.checkMessageReply.response,
          ...errorResponses,
        },
      },
    },
    async (request) =>
      checkDraftReply(db, principalOf(request), request.params.id, request.body.text, now(), 'message'),
  );
}
