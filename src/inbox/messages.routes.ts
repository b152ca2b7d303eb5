// HTTP adapters for community messages: the waiting messages, a conversation (each read in the audit log), a
// decision on a message, and a reply sent once per key. Only page admins and their supervisors (who may answer)
// reach them: messages are personal data. Checking a draft reply and the inbox's change mark have their own files.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { conversationFor } from './conversation.service.ts';
import type { VkAccess } from './inbox.service.ts';
import { inboxChangesRoute } from './inbox-changes.route.ts';
import { replyToMessage, setMessageState } from './messages.service.ts';
import { checkReplyRoute } from './reply-check.route.ts';
import { checkReply } from './reply-check.ts';

const tags = ['inbox'];
const now = () => Math.floor(Date.now() / 1000);

const conversationResponse = z.object({
  pageId: z.number().int(),
  peerId: z.number().int(),
  messages: z.array(
    z.object({
      id: z.number().int(),
      vkId: z.number().int(),
      isOut: z.boolean(),
      text: z.string(),
      sentAt: z.number().int(),
    }),
  ),
});

const replyResponse = z.object({
  status: z.literal('sent'),
  vkMessageId: z.number().int(),
  repeated: z.boolean(),
  check: z.object({
    version: z.string(),
    issues: z.array(z.object({ criterion: z.string() }).loose()),
  }),
});

export function messageRoutes(db: Db, vk: VkAccess) {
  return (app: App) => {
    app.get(
      '/api/inbox/messages/:id/conversation',
      {
        config: { access: 'comments.answer' },
        schema: {
          tags,
          summary:
            'The conversation a waiting message belongs to, oldest first (the read is in the audit log)',
          params: idParam,
          response: {
            200: conversationResponse,
            ...errorResponses,
          },
        },
      },
      async (request) => conversationFor(db, principalOf(request), request.params.id, now()),
    );

    checkReplyRoute(app, db);
    inboxChangesRoute(app, db);

    app.post(
      '/api/inbox/messages/:id/state',
      {
        config: { access: 'comments.answer' },
        schema: {
          tags,
          summary: 'Take a message in hand, assign it, or mark that it needs no answer (with the reason)',
          params: idParam,
          body: z.object({
            status: z.enum(['new', 'in_progress', 'no_answer_needed']),
            reason: z.string().max(500).optional(),
            assigneeId: z.number().int().positive().nullable().optional(),
          }),
          response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
        },
      },
      async (request) => {
        await setMessageState(db, principalOf(request), request.params.id, request.body, now());
        return { ok: true as const };
      },
    );

    app.post(
      '/api/inbox/messages/:id/reply',
      {
        config: { access: 'comments.answer' },
        schema: {
          tags,
          summary:
            'Answer a person on VK (messages.send with a random_id from the key): the same key sends once',
          params: idParam,
          body: z.object({ text: z.string().min(1).max(4096), key: z.string().min(8).max(100) }),
          response: {
            200: replyResponse,
            ...errorResponses,
          },
        },
      },
      async (request) => ({
        ...(await replyToMessage(db, principalOf(request), request.params.id, request.body, vk, now())),
        check: checkReply(request.body.text),
      }),
    );
  };
}
