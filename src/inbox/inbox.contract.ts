// The inbox API as data: the queue of questions (comments and community messages), decisions and replies, the
// reply checker, safety flags, response-time metrics, saved replies, contacts and topics. The routes register
// from here; the web app's client is typed from it (type-only). VK's callbacks are in vk-callback.contract.ts.
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';
import { idParam, listOf, pagination, queryFlag } from '../platform/http/schemas.ts';
import { otherNetworksRoute } from './other-networks.contract.ts';

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

const topic = z.enum([
  'admission',
  'meals',
  'timetable',
  'transport',
  'clubs',
  'documents',
  'exams',
  'safety',
  'building',
  'fees',
]);

const escalationParams = z.object({ regionCode: z.string().min(1).max(10) });
const escalationHours = z.number().int().min(1).max(400);
const escalationSetting = z.object({
  regionCode: z.string(),
  toMunicipalityAfterHours: z.number().int(),
  toRegionAfterHours: z.number().int(),
  isDefault: z.boolean(),
});

const countSchema = z.object({ key: z.string(), topic: z.string(), questions: z.number().int() });

/** A queue row: the inbox item with its escalation (the level it reached past its deadline, when it moved). */
export type InboxItemView = z.output<typeof itemSchema>;
export type SafetyFlagView = z.output<typeof flagSchema>;
export type ResponseMetricsView = z.output<typeof metricsSchema>;
export type FlaggedTextView = z.output<typeof inboxContract.flags.response>['items'][number];

/** A comment's or a message's state, as the one who answers sets it. */
const stateBody = z.object({
  status: z.enum(['new', 'in_progress', 'no_answer_needed']),
  reason: z.string().max(500).optional(),
  assigneeId: z.number().int().positive().nullable().optional(),
});

export const inboxContract = {
  queue: route({
    method: 'GET',
    path: '/api/inbox',
    access: 'comments.read',
    query: z.object({
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
    response: listOf(itemSchema),
  }),
  setState: route({
    method: 'POST',
    path: '/api/inbox/:id/state',
    access: 'comments.answer',
    params: idParam,
    body: stateBody,
    response: z.object({ ok: z.literal(true) }),
  }),
  reply: route({
    method: 'POST',
    path: '/api/inbox/:id/reply',
    access: 'comments.answer',
    params: idParam,
    body: z.object({ text: z.string().min(1).max(4000), key: z.string().min(8).max(100) }),
    response: z.object({
      status: z.enum(['sent', 'failed']),
      vkCommentId: z.number().int().nullable(),
      error: z.string().nullable(),
      repeated: z.boolean(),
      // The checker's warnings on what was sent: it warns, it never blocks a reply.
      check: replyCheckSchema,
    }),
  }),
  checkReply: route({
    method: 'POST',
    path: '/api/inbox/:id/check-reply',
    access: 'comments.answer',
    params: idParam,
    body: z.object({ text: z.string().min(1).max(4000) }),
    response: replyCheckSchema.extend({ proposedDeadline: z.number().int() }),
  }),
  replyCriteria: route({
    method: 'GET',
    path: '/api/inbox/reply-criteria',
    access: 'comments.read',
    response: z.object({
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
  }),
  dismissFlag: route({
    method: 'POST',
    path: '/api/inbox/:id/dismiss-flag',
    access: 'comments.answer',
    params: idParam,
    body: z.object({ kind: flagSchema.shape.kind, text: z.string().min(1).max(500) }),
    response: z.object({ ok: z.literal(true) }),
  }),
  flags: route({
    method: 'GET',
    path: '/api/inbox/flags',
    access: 'comments.read',
    query: z.object({ pageId: z.coerce.number().int().positive().optional(), days }),
    response: z.object({
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
  }),
  dismissTextFlag: route({
    method: 'POST',
    path: '/api/inbox/flags/dismiss',
    access: 'comments.answer',
    body: z.object({
      pageId: z.number().int().positive(),
      targetType: z.enum(['post', 'comment']),
      vkId: z.number().int().positive(),
      kind: flagSchema.shape.kind,
      text: z.string().min(1).max(500),
    }),
    response: z.object({ ok: z.literal(true) }),
  }),
  metrics: route({
    method: 'GET',
    path: '/api/inbox/metrics',
    access: 'comments.read',
    query: z.object({ pageId: z.coerce.number().int().positive().optional(), days }),
    response: z.object({
      total: metricsSchema,
      byRegion: z.array(metricsRow),
      byMunicipality: z.array(metricsRow),
      byPage: z.array(metricsRow),
      // Comments and community messages apart; the rest counts them together.
      byKind: z.object({ comments: metricsSchema, messages: metricsSchema }),
      alerts: z.object({ overdue: z.number().int(), flaggedVisible: z.number().int() }),
    }),
  }),
  conversation: route({
    method: 'GET',
    path: '/api/inbox/messages/:id/conversation',
    access: 'comments.answer',
    params: idParam,
    response: conversationResponse,
  }),
  setMessageState: route({
    method: 'POST',
    path: '/api/inbox/messages/:id/state',
    access: 'comments.answer',
    params: idParam,
    body: stateBody,
    response: z.object({ ok: z.literal(true) }),
  }),
  replyToMessage: route({
    method: 'POST',
    path: '/api/inbox/messages/:id/reply',
    access: 'comments.answer',
    params: idParam,
    body: z.object({ text: z.string().min(1).max(4096), key: z.string().min(8).max(100) }),
    response: replyResponse,
  }),
  savedReplies: route({
    method: 'GET',
    path: '/api/inbox/saved-replies',
    access: 'comments.read',
    query: z.object({
      pageId: z.coerce.number().int().positive(),
      question: z.string().max(4000).optional(),
    }),
    response: z.object({
      topics: z.array(z.string()),
      replies: z.array(
        z.object({
          id: z.number().int(),
          level: z.enum(['region', 'municipality', 'page']),
          topic: z.string(),
          title: z.string(),
          text: z.string(),
          missing: z.array(z.string()),
          matches: z.boolean(),
        }),
      ),
    }),
  }),
  saveReply: route({
    method: 'POST',
    path: '/api/inbox/saved-replies',
    access: 'comments.answer',
    body: z.object({
      level: z.enum(['region', 'municipality', 'page']),
      regionCode: z
        .string()
        .regex(/^\d{2}$/)
        .optional(),
      municipalityId: z.number().int().positive().optional(),
      pageId: z.number().int().positive().optional(),
      topic,
      title: z.string().trim().min(1).max(200),
      text: z.string().trim().min(1).max(4000),
    }),
    response: z.object({ id: z.number().int() }),
  }),
  setContacts: route({
    method: 'PUT',
    path: '/api/inbox/pages/:id/contacts',
    access: 'comments.answer',
    params: idParam,
    body: z.object({
      phone: z.string().trim().max(100).nullable(),
      hours: z.string().trim().max(200).nullable(),
    }),
    response: z.object({ ok: z.literal(true) }),
  }),
  topics: route({
    method: 'GET',
    path: '/api/inbox/topics',
    access: 'comments.read',
    query: z.object({
      days: z.coerce.number().int().min(1).max(365).optional(),
      pageId: z.coerce.number().int().positive().optional(),
    }),
    response: z.object({
      total: z.array(z.object({ topic: z.string(), questions: z.number().int() })),
      byPage: z.array(countSchema),
      byMunicipality: z.array(countSchema),
      byRegion: z.array(countSchema),
      suggestions: z.array(
        z.object({ pageId: z.number().int(), topic: z.string(), questions: z.number().int() }),
      ),
    }),
  }),
  otherNetworks: otherNetworksRoute,
  changes: route({
    method: 'GET',
    path: '/api/inbox/changes',
    access: 'comments.read',
    response: z.object({ mark: z.string() }),
  }),
  checkMessageReply: route({
    method: 'POST',
    path: '/api/inbox/messages/:id/check-reply',
    access: 'comments.answer',
    params: idParam,
    body: z.object({ text: z.string().min(1).max(4096) }),
    response: z
      .object({
        version: z.string(),
        issues: z.array(z.object({ criterion: z.string() }).loose()),
        proposedDeadline: z.number().int(),
      })
      .loose(),
  }),
  escalation: route({
    method: 'GET',
    path: '/api/inbox/escalation/:regionCode',
    access: 'comments.read',
    params: escalationParams,
    response: escalationSetting,
  }),
  setEscalation: route({
    method: 'PUT',
    path: '/api/inbox/escalation/:regionCode',
    access: 'users.manage',
    params: escalationParams,
    body: z.object({ toMunicipalityAfterHours: escalationHours, toRegionAfterHours: escalationHours }),
    response: escalationSetting,
  }),
};
