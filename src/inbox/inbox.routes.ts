// Thin HTTP adapters over the inbox: the waiting questions, a decision on one, a reply sent to VK, a safety
// flag dismissed, and the response-time metrics with their alerts.
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { findPageInScope } from '../registry/index.ts';
import { dialogueRoutes } from './dialogue.routes.ts';
import { escalationRoutes } from './escalation.routes.ts';
import { inboxContract } from './inbox.contract.ts';
import {
  dismissFlag,
  dismissTextFlag,
  flaggedTexts,
  inboxMetrics,
  replyToComment,
  setInboxState,
  type VkAccess,
} from './inbox.service.ts';
import { messageRoutes } from './messages.routes.ts';
import { listQueue } from './queue.service.ts';
import { checkDraftReply } from './reply-check.service.ts';
import { checkReply } from './reply-check.ts';
import { REPLY_CRITERIA, REPLY_CRITERIA_VERSION } from './reply-criteria.ts';
import { vkCallbackRoutes } from './vk-callback.routes.ts';

const tags = ['inbox'];
const c = inboxContract;
const now = () => Math.floor(Date.now() / 1000);

/** A filter naming a page outside the scope is answered like a page that does not exist. */
async function requirePageFilter(db: Db, scope: Scope, pageId: number | undefined): Promise<void> {
  if (pageId !== undefined && !(await findPageInScope(db, scope, pageId)))
    throw notFound('page', pageId, 'query.pageId');
}

export function inboxRoutes(db: Db, vk: VkAccess) {
  return (app: App) => {
    app.get(
      c.queue.path,
      {
        config: { access: c.queue.access },
        schema: {
          tags,
          summary: 'Users’ questions on pages in your scope: overdue first, then the oldest waiting',
          querystring: c.queue.query,
          response: { 200: c.queue.response, ...errorResponses },
        },
      },
      async (request) => {
        const { page, size, ...filter } = request.query;
        const principal = principalOf(request);
        await requirePageFilter(db, principal.scope, filter.pageId);
        const result = await listQueue(db, principal, filter, { page, size }, now());
        return { ...result, page, size };
      },
    );

    app.post(
      c.setState.path,
      {
        config: { access: c.setState.access },
        schema: {
          tags,
          summary: 'Take a comment in hand, assign it, or mark that it needs no answer (with the reason)',
          params: c.setState.params,
          body: c.setState.body,
          response: { 200: c.setState.response, ...errorResponses },
        },
      },
      async (request) => {
        await setInboxState(db, principalOf(request), request.params.id, request.body, now());
        return { ok: true as const };
      },
    );

    app.post(
      c.reply.path,
      {
        config: { access: c.reply.access },
        schema: {
          tags,
          summary: 'Answer a comment on VK with the page’s community token; the same key sends once',
          params: c.reply.params,
          body: c.reply.body,
          response: {
            200: c.reply.response,
            ...errorResponses,
          },
        },
      },
      async (request) => ({
        ...(await replyToComment(db, principalOf(request), request.params.id, request.body, vk, now())),
        check: checkReply(request.body.text),
      }),
    );

    app.post(
      c.checkReply.path,
      {
        config: { access: c.checkReply.access },
        schema: {
          tags,
          summary:
            'Check a draft reply against the rework criteria and propose fixes (a warning, not a block)',
          params: c.checkReply.params,
          body: c.checkReply.body,
          response: {
            200: c.checkReply.response,
            ...errorResponses,
          },
        },
      },
      async (request) =>
        checkDraftReply(db, principalOf(request), request.params.id, request.body.text, now()),
    );

    app.get(
      c.replyCriteria.path,
      {
        config: { access: c.replyCriteria.access },
        schema: {
          tags,
          summary:
            'The reply checker’s written criteria, versioned, with their sources (Russian and English)',
          response: {
            200: c.replyCriteria.response,
            ...errorResponses,
          },
        },
      },
      async () => ({ version: REPLY_CRITERIA_VERSION, criteria: REPLY_CRITERIA }),
    );

    app.post(
      c.dismissFlag.path,
      {
        config: { access: c.dismissFlag.access },
        schema: {
          tags,
          summary: 'Dismiss a safety flag as false; the same span of this comment is not flagged again',
          params: c.dismissFlag.params,
          body: c.dismissFlag.body,
          response: { 200: c.dismissFlag.response, ...errorResponses },
        },
      },
      async (request) => {
        await dismissFlag(db, principalOf(request), request.params.id, request.body, now());
        return { ok: true as const };
      },
    );

    app.get(
      c.flags.path,
      {
        config: { access: c.flags.access },
        schema: {
          tags,
          summary:
            'Flagged posts and users’ comments on pages in your scope (obscenity, personal data, spam, threats)',
          querystring: c.flags.query,
          response: {
            200: c.flags.response,
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        await requirePageFilter(db, principal.scope, request.query.pageId);
        return { items: await flaggedTexts(db, principal, request.query, now()) };
      },
    );

    app.post(
      c.dismissTextFlag.path,
      {
        config: { access: c.dismissTextFlag.access },
        schema: {
          tags,
          summary: 'Dismiss a flag on a post or a comment as false; the same span there is not flagged again',
          body: c.dismissTextFlag.body,
          response: { 200: c.dismissTextFlag.response, ...errorResponses },
        },
      },
      async (request) => {
        await dismissTextFlag(db, principalOf(request), request.body, now());
        return { ok: true as const };
      },
    );

    app.get(
      c.metrics.path,
      {
        config: { access: c.metrics.access },
        schema: {
          tags,
          summary:
            'First response time, share answered in time and overdue questions, by region, municipality and page',
          querystring: c.metrics.query,
          response: {
            200: c.metrics.response,
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        await requirePageFilter(db, principal.scope, request.query.pageId);
        return inboxMetrics(db, principal, request.query, now());
      },
    );
    dialogueRoutes(db)(app);
    escalationRoutes(db)(app);
    messageRoutes(db, vk)(app);
    vkCallbackRoutes(db, vk.secrets)(app);
  };
}
