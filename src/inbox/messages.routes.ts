// HTTP adapters for community messages: the waiting messages, a conversation (each read in the audit log), a
// decision on a message, and a reply sent once per key. Only page admins and their supervisors (who may answer)
// reach them: messages are personal data. Checking a draft reply and the inbox's change mark have their own files.
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { conversationFor } from './conversation.service.ts';
import { inboxContract } from './inbox.contract.ts';
import type { VkAccess } from './inbox.service.ts';
import { inboxChangesRoute } from './inbox-changes.route.ts';
import { replyToMessage, setMessageState } from './messages.service.ts';
import { checkReplyRoute } from './reply-check.route.ts';
import { checkReply } from './reply-check.ts';

const tags = ['inbox'];
const c = inboxContract;
const now = () => Math.floor(Date.now() / 1000);

export function messageRoutes(db: Db, vk: VkAccess) {
  return (app: App) => {
    app.get(
      c.conversation.path,
      {
        config: { access: c.conversation.access },
        schema: {
          tags,
          summary:
            'The conversation a waiting message belongs to, oldest first (the read is in the audit log)',
          params: c.conversation.params,
          response: {
            200: c.conversation.response,
            ...errorResponses,
          },
        },
      },
      async (request) => conversationFor(db, principalOf(request), request.params.id, now()),
    );

    checkReplyRoute(app, db);
    inboxChangesRoute(app, db);

    app.post(
      c.setMessageState.path,
      {
        config: { access: c.setMessageState.access },
        schema: {
          tags,
          summary: 'Take a message in hand, assign it, or mark that it needs no answer (with the reason)',
          params: c.setMessageState.params,
          body: c.setMessageState.body,
          response: { 200: c.setMessageState.response, ...errorResponses },
        },
      },
      async (request) => {
        await setMessageState(db, principalOf(request), request.params.id, request.body, now());
        return { ok: true as const };
      },
    );

    app.post(
      c.replyToMessage.path,
      {
        config: { access: c.replyToMessage.access },
        schema: {
          tags,
          summary:
            'Answer a person on VK (messages.send with a random_id from the key): the same key sends once',
          params: c.replyToMessage.params,
          body: c.replyToMessage.body,
          response: {
            200: c.replyToMessage.response,
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
