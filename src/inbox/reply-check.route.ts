// POST /api/inbox/messages/:id/check-reply: check a draft reply to a message against the rework criteria.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { checkDraftReply } from './reply-check.service.ts';

const tags = ['inbox'];
const now = () => Math.floor(Date.now() / 1000);

export function checkReplyRoute(app: App, db: Db): void {
  app.post(
    '/api/inbox/messages/:id/check-reply',
    {
      config: { access: 'comments.answer' },
      schema: {
        tags,
        summary: 'Check a draft reply to a message against the rework criteria (a warning, not a block)',
        params: idParam,
        body: z.object({ text: z.string().min(1).max(4096) }),
        response: {
          200: z
            .object({
              version: z.string(),
              issues: z.array(z.object({ criterion: z.string() }).loose()),
              proposedDeadline: z.number().int(),
            })
            .loose(),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      checkDraftReply(db, principalOf(request), request.params.id, request.body.text, now(), 'message'),
  );
}
