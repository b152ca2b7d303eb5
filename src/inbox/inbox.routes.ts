// Thin HTTP adapters over the inbox: the waiting questions, a decision on one, a reply sent to VK, a safety
// flag dismissed, and the response-time metrics with their alerts.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam, listOf, pagination, queryFlag } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { findPageInScope } from '../registry/index.ts';
import { dialogueRoutes } from './dialogue.routes.ts';
import { escalationRoutes } from './escalation.routes.ts';
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
const now = () => Math.floor(Date.now() / 1000);
const status = z.enum(['new', 'in_progress', 'answered', 'no_answer_needed']);
const days = z.coerce.number().int().min(1).max(365).optional();

const flagSchema = z.object({
  kind: z.enum(['obscenity', 'insult', 'personal_data', 'spam', 'threat']),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  detail: z.string(),
});

const itemSchema = z.object({
  // A comment, or a community message (then commentId is the message's id and peerId the person).
  kind: z.enum(['comment', 'message']),
  commentId: z.number().int(),
  peerId: z.number().int().nullable(),
  pageId: z.number().int(),
  pageUrl: z.string(),
  institution: z.string().nullable(),
  postVkId: z.number().int(),
  vkId: z.number().int(),
  text: z.string(),
  postedAt: z.number().int(),
  status,
  reason: z.string().nullable(),
  assignee: z.string().nullable(),
  answeredAt: z.number().int().nullable(),
  dueAt: z.number().int(),
  overdue: z.boolean(),
  flags: z.array(flagSchema),
  workingHoursLeft: z.number().nullable(),
  externalId: z.number().int().nullable(),
  fromId: z.number().int(),
  postText: z.string().nullable(),
  answer: z.object({ text: z.string(), at: z.number().int(), by: z.string().nullable() }).nullable(),
  // The level an overdue question reached (the municipality's queue, then the region's) and when it moved.
  escalation: z
    .object({
      level: z.enum(['municipality', 'region']),
      history: z.array(z.object({ level: z.enum(['municipality', 'region']), at: z.number().int() })),
    })
    .nullable(),
});

const replyCheckSchema = z.object({
  version: z.string(),
  issues: z.array(
    z.object({
      criterion: z.enum(['formal', 'no_deadline', 'redirect_no_contact', 'rude', 'child_data']),
      span: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).nullable(),
      fix: z.object({ ru: z.string(), en: z.string() }),
    }),
  ),
});

const metricsSchema = z.object({
  questions: z.number().int(),
  answered: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
  withinDeadline: z.number().nullable(),
  overdue: z.number().int(),
  waiting: z.number().int(),
});
const metricsRow = metricsSchema.extend({ key: z.string(), name: z.string().nullable() });

/** A filter naming a page outside the scope is answered like a page that does not exist. */
async function requirePageFilter(db: Db, scope: Scope, pageId: number | undefined): Promise<void> {
  if (pageId !== undefined && !(await findPageInScope(db, scope, pageId)))
    throw notFound('page', pageId, 'query.pageId');
}

export function inboxRoutes(db: Db, vk: VkAccess) {
  return (app: App) => {
    app.get(
      '/api/inbox',
      {
        config: { access: 'comments.read' },
        schema: {
          tags,
          summary: 'Users’ questions on pages in your scope: overdue first, then the oldest waiting',
          querystring: z.object({
            ...pagination,
            pageId: z.coerce.number().int().positive().optional(),
            status: status.optional(),
            q: z.string().max(200).optional(),
            flagged: queryFlag,
            assigneeId: z.coerce.number().int().positive().optional(),
            overdue: queryFlag,
            unanswered: queryFlag,
            days,
            // comment (the default, as before), message, or all: both kinds in one queue.
            kind: z.enum(['comment', 'message', 'all']).default('comment'),
            // Only what escalated to your queue: the municipality's (municipal scope) or the region's.
            escalated: queryFlag,
          }),
          response: { 200: listOf(itemSchema), ...errorResponses },
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
      '/api/inbox/:id/state',
      {
        config: { access: 'comments.answer' },
        schema: {
          tags,
          summary: 'Take a comment in hand, assign it, or mark that it needs no answer (with the reason)',
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
        await setInboxState(db, principalOf(request), request.params.id, request.body, now());
        return { ok: true as const };
      },
    );

    app.post(
      '/api/inbox/:id/reply',
      {
        config: { access: 'comments.answer' },
        schema: {
          tags,
          summary: 'Answer a comment on VK with the page’s community token; the same key sends once',
          params: idParam,
          body: z.object({ text: z.string().min(1).max(4000), key: z.string().min(8).max(100) }),
          response: {
            200: z.object({
              status: z.enum(['sent', 'failed']),
              vkCommentId: z.number().int().nullable(),
              error: z.string().nullable(),
              repeated: z.boolean(),
              // The checker's warnings on what was sent: it warns, it never blocks a reply.
              check: replyCheckSchema,
            }),
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
      '/api/inbox/:id/check-reply',
      {
        config: { access: 'comments.answer' },
        schema: {
          tags,
          summary:
            'Check a draft reply against the rework criteria and propose fixes (a warning, not a block)',
          params: idParam,
          body: z.object({ text: z.string().min(1).max(4000) }),
          response: {
            200: replyCheckSchema.extend({ proposedDeadline: z.number().int() }),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        checkDraftReply(db, principalOf(request), request.params.id, request.body.text, now()),
    );

    app.get(
      '/api/inbox/reply-criteria',
      {
        config: { access: 'comments.read' },
        schema: {
          tags,
          summary:
            'The reply checker’s written criteria, versioned, with their sources (Russian and English)',
          response: {
            200: z.object({
              version: z.string(),
              criteria: z.array(
                z.object({
                  id: z.string(),
                  ru: z.string(),
                  en: z.string(),
                  ruRule: z.string(),
                  enRule: z.string(),
                  sources: z.array(z.string()),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({ version: REPLY_CRITERIA_VERSION, criteria: REPLY_CRITERIA }),
    );

    app.post(
      '/api/inbox/:id/dismiss-flag',
      {
        config: { access: 'comments.answer' },
        schema: {
          tags,
          summary: 'Dismiss a safety flag as false; the same span of this comment is not flagged again',
          params: idParam,
          body: z.object({ kind: flagSchema.shape.kind, text: z.string().min(1).max(500) }),
          response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
        },
      },
      async (request) => {
        await dismissFlag(db, principalOf(request), request.params.id, request.body, now());
        return { ok: true as const };
      },
    );

    app.get(
      '/api/inbox/flags',
      {
        config: { access: 'comments.read' },
        schema: {
          tags,
          summary:
            'Flagged posts and users’ comments on pages in your scope (obscenity, personal data, spam, threats)',
          querystring: z.object({ pageId: z.coerce.number().int().positive().optional(), days }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  target: z.enum(['post', 'comment']),
                  pageId: z.number().int(),
                  vkId: z.number().int(),
                  postVkId: z.number().int(),
                  institution: z.string().nullable(),
                  text: z.string(),
                  postedAt: z.number().int(),
                  visibleHours: z.number(),
                  flags: z.array(flagSchema),
                }),
              ),
            }),
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
      '/api/inbox/flags/dismiss',
      {
        config: { access: 'comments.answer' },
        schema: {
          tags,
          summary: 'Dismiss a flag on a post or a comment as false; the same span there is not flagged again',
          body: z.object({
            pageId: z.number().int().positive(),
            targetType: z.enum(['post', 'comment']),
            vkId: z.number().int().positive(),
            kind: flagSchema.shape.kind,
            text: z.string().min(1).max(500),
          }),
          response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
        },
      },
      async (request) => {
        await dismissTextFlag(db, principalOf(request), request.body, now());
        return { ok: true as const };
      },
    );

    app.get(
      '/api/inbox/metrics',
      {
        config: { access: 'comments.read' },
        schema: {
          tags,
          summary:
            'First response time, share answered in time and overdue questions, by region, municipality and page',
          querystring: z.object({ pageId: z.coerce.number().int().positive().optional(), days }),
          response: {
            200: z.object({
              total: metricsSchema,
              byRegion: z.array(metricsRow),
              byMunicipality: z.array(metricsRow),
              byPage: z.array(metricsRow),
              // Comments and community messages apart; the rest counts them together.
              byKind: z.object({ comments: metricsSchema, messages: metricsSchema }),
              alerts: z.object({ overdue: z.number().int(), flaggedVisible: z.number().int() }),
            }),
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
