// Community messages in the inbox: each conversation's waiting stretches (a person's messages after the
// community's last word) as queue items with the same working-hours deadline, assignment and statuses as
// comments; replies through messages.send with a random_id made from the reply's key, so a retry — by the
// person or after a lost answer — never sends twice. Messages are personal data: only the page's admins and
// their supervisors (those who may answer) read them, and each read is in the audit log.
import crypto from 'node:crypto';
import { recordAction } from '../platform/audit-log.ts';
import type { Db } from '../platform/db.ts';
import type { InboxStatus } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { PoolExhaustedError, pagePool, pageTokensOf, VkApiError, vkCall, vkMethods } from '../vk/index.ts';
import { loadedCalendars } from './calendar.repo.ts';
import {
  ANSWER_LIMIT_HOURS,
  calendarOf,
  checkedStateChange,
  hoursLeft,
  type InboxFilter,
  type InboxItem,
  type VkAccess,
} from './inbox.service.ts';
import { waitingMessages } from './message-thread.ts';
import {
  claimMessageReply,
  findMessageReply,
  finishMessageReply,
  type MessageRow,
  messageInScope,
  messageStatesOf,
  messagesInScope,
  saveMessageState,
  storeMessage,
} from './messages.repo.ts';
import { deadlineSeconds } from './metrics.ts';
import { safetyFlags } from './safety.ts';
import { addWorkingSeconds, type WorkCalendar } from './working-hours.ts';

const DAY = 86_400;
const MAX_TEXT = 4096;

export type MessageCaller = { userId: number; login: string; scope: Scope; permissions: ReadonlySet<string> };

/** Messages are personal data: only those who may answer the page (its admins, their supervisors) read them. */
export function mayReadMessages(caller: { permissions: ReadonlySet<string> }): boolean {
  return caller.permissions.has('comments.answer');
}

function requireMessageAccess(caller: MessageCaller, id?: number): void {
  if (!mayReadMessages(caller))
    throw id === undefined
      ? new AppError(
          'FORBIDDEN',
          'community messages are personal data: only page admins and their supervisors read them',
        )
      : notFound('message', id);
}

export type MessageItem = InboxItem & { kind: 'message'; peerId: number };

/** The waiting messages in scope as queue items (the first message of each stretch); each page read is logged. */
export async function listMessageItems(
  db: Db,
  caller: MessageCaller,
  filter: Pick<InboxFilter, 'pageId' | 'days' | 'overdue' | 'unanswered' | 'assigneeId'>,
  now: number,
): Promise<MessageItem[]> {
  requireMessageAccess(caller);
  const { items, rows, assigneeOf } = await messageItems(db, caller.scope, filter, now);
  await logRead(db, caller, rows, now);
  // The queue's filters, as comments have them (the status, flag and text filters are the queue's own).
  return items
    .filter((i) => !filter.overdue || i.overdue)
    .filter((i) => !filter.unanswered || i.status === 'new' || i.status === 'in_progress')
    .filter((i) => filter.assigneeId === undefined || assigneeOf(i.commentId) === filter.assigneeId);
}

/**
 * Every waiting stretch in scope as an item, unfiltered and not logged: for the system's own passes (the
 * escalation job), which show no one the text.
 */
export async function messageItems(
  db: Db,
  scope: Scope,
  filter: Pick<InboxFilter, 'pageId' | 'days'>,
  now: number,
): Promise<{
  items: MessageItem[];
  rows: MessageRow[];
  assigneeOf: (id: number) => number | null | undefined;
}> {
  const rows = await messagesInScope(db, scope, {
    since: now - (filter.days ?? 60) * DAY,
    ...(filter.pageId !== undefined ? { pageId: filter.pageId } : {}),
  });
  const waiting = waitingMessages(rows);
  const states = new Map(
    (
      await messageStatesOf(
        db,
        waiting.map((w) => w.first.id),
      )
    ).map((s) => [s.message_id, s]),
  );
  const loaded = await loadedCalendars(db);
  const calendars = new Map<number, WorkCalendar>();
  const items = waiting.map((w): MessageItem => {
    const r = w.first;
    const cal = calendars.get(r.page_id) ?? calendarOf(r, now, loaded);
    calendars.set(r.page_id, cal);
    const state = states.get(r.id);
    const dueAt = addWorkingSeconds(r.sent_at, deadlineSeconds(ANSWER_LIMIT_HOURS, cal), cal);
    const answered = w.answeredAt !== null;
    const status: InboxStatus =
      answered && state?.status !== 'no_answer_needed' ? 'answered' : (state?.status ?? 'new');
    return {
      kind: 'message',
      commentId: r.id,
      peerId: r.peer_id,
      pageId: r.page_id,
      pageUrl: r.url,
      institution: r.institution,
      postVkId: 0,
      vkId: r.vk_id,
      text: r.text,
      postedAt: r.sent_at,
      status,
      reason: state?.reason ?? null,
      assignee: state?.assignee ?? null,
      answeredAt: w.answeredAt,
      dueAt,
      overdue: !answered && status !== 'no_answer_needed' && now > dueAt,
      flags: safetyFlags(r.text),
      // The work queue's context (as comments carry it): time left, who wrote, the community's answer.
      workingHoursLeft: !answered && status !== 'no_answer_needed' ? hoursLeft(now, dueAt, cal) : null,
      // The community's VK id, for the link to the conversation on VK.
      externalId: r.external_id,
      fromId: r.from_id,
      postText: null,
      answer: answerOf(rows, r.page_id, w.answerVkId),
    };
  });
  return { items, rows, assigneeOf: (id) => states.get(id)?.assignee_id };
}

/** The community's message that answered a waiting stretch (messages carry no sender login). */
function answerOf(rows: MessageRow[], pageId: number, vkId: number | null): InboxItem['answer'] {
  const row = vkId === null ? undefined : rows.find((m) => m.page_id === pageId && m.vk_id === vkId);
  return row ? { text: row.text, at: row.sent_at, by: null } : null;
}

/** One audit entry per page whose messages were read. */
async function logRead(db: Db, caller: MessageCaller, rows: MessageRow[], now: number): Promise<void> {
  const pages = new Map<number, { row: MessageRow; count: number }>();
  for (const r of rows) pages.set(r.page_id, { row: r, count: (pages.get(r.page_id)?.count ?? 0) + 1 });
  for (const [pageId, { row, count }] of pages)
    await recordAction(
      db,
      { userId: caller.userId, login: caller.login },
      {
        action: 'inbox.messages.read',
        targetType: 'page',
        targetId: pageId,
        at: now,
        details: { messages: count },
      },
      { regionCode: row.region_code, municipalityId: row.municipality_id, institutionId: row.institution_id },
    );
}

export async function setMessageState(
  db: Db,
  caller: MessageCaller,
  messageId: number,
  change: { status: Exclude<InboxStatus, 'answered'>; reason?: string; assigneeId?: number | null },
  now: number,
): Promise<void> {
  requireMessageAccess(caller, messageId);
  const message = await messageInScope(db, caller.scope, messageId);
  if (!message || message.is_out === 1) throw notFound('message', messageId);
  await saveMessageState(db, {
    messageId,
    ...(await checkedStateChange(db, caller.scope, change, 'message')),
    by: caller.userId,
    at: now,
  });
}

/** VK's random_id for a reply: a positive 31-bit number from the reply's key, the same on every retry. */
export function randomIdOf(key: string): number {
  return crypto.createHash('sha256').update(key).digest().readUInt32BE(0) & 0x7fffffff || 1;
}

export type MessageReplyOutcome = { status: 'sent'; vkMessageId: number; repeated: boolean };

/**
 * Answers a person on VK (messages.send with the page's community token) and stores the answer, so the item
 * closes at once. The same key sends once; a key whose earlier attempt failed or was cut off is sent again with
 * the same random_id, which VK (and the simulator) treat as the same message.
 */
export async function replyToMessage(
  db: Db,
  caller: MessageCaller,
  messageId: number,
  reply: { text: string; key: string },
  vk: VkAccess,
  now: number,
): Promise<MessageReplyOutcome> {
  requireMessageAccess(caller, messageId);
  const message = await messageInScope(db, caller.scope, messageId);
  if (!message || message.is_out === 1) throw notFound('message', messageId);
  const text = reply.text.trim();
  if (!text) throw new AppError('VALIDATION', 'body.text: the answer is empty');
  if (text.length > MAX_TEXT)
    throw new AppError('VALIDATION', `body.text: longer than VK's ${MAX_TEXT} characters`);
  const tokens = await pageTokensOf(db, vk.secrets, message.page_id);
  if (!tokens.community && !tokens.user)
    throw new AppError(
      'CONFLICT',
      `page ${message.page_id} has no community token: add one with publica vk-token add LABEL --kind community --page ${message.page_id}`,
    );
  if (!vk.baseUrl) throw new AppError('CONFIG', 'replies need the VK API: set PUBLICA_VK_URL');
  const randomId = randomIdOf(reply.key);
  if (
    !(await claimMessageReply(db, { messageId, key: reply.key, randomId, text, by: caller.userId, at: now }))
  ) {
    const known = await findMessageReply(db, reply.key);
    if (known?.message_id !== messageId) throw new AppError('CONFLICT', 'body.key: used for another message');
    if (known.status === 'sent' && known.vk_message_id !== null)
      return { status: 'sent', vkMessageId: known.vk_message_id, repeated: true };
  }
  const groupId = message.external_id ?? 0;
  try {
    const pool = pagePool(vk.baseUrl, [
      ...(tokens.community ? [{ token: tokens.community, kind: 'community' as const }] : []),
      ...(tokens.user ? [{ token: tokens.user, kind: 'user' as const }] : []),
    ]);
    const sent = await vkCall(pool, vkMethods.messagesSend, {
      peer_id: message.peer_id,
      random_id: randomId,
      message: text,
      group_id: groupId,
    });
    await storeMessage(db, {
      pageId: message.page_id,
      peerId: message.peer_id,
      vkId: sent.message_id,
      fromId: -groupId,
      isOut: true,
      text,
      sentAt: now,
      at: now,
    });
    await finishMessageReply(db, reply.key, { status: 'sent', vkMessageId: sent.message_id });
    return { status: 'sent', vkMessageId: sent.message_id, repeated: false };
  } catch (error) {
    const cause = error instanceof PoolExhaustedError && error.cause ? error.cause : error;
    const denied = cause instanceof VkApiError && cause.code === 901;
    const why = denied
      ? 'VK error 901: the person has not allowed messages from the community; answer when they write again'
      : cause instanceof VkApiError
        ? cause.message
        : `VK did not answer: ${(cause as Error).message}`;
    await finishMessageReply(db, reply.key, { status: 'failed', error: why });
    throw new AppError(denied ? 'CONFLICT' : 'UPSTREAM_UNAVAILABLE', why);
  }
}

/**
 * The backstop: reads a page's conversations and their recent history through the API and stores what the
 * pushed events missed. Returns how many messages were new.
 */
export async function syncPageMessages(
  db: Db,
  page: { id: number; groupId: number },
  vk: VkAccess,
  now: number,
): Promise<{ conversations: number; stored: number }> {
  if (!vk.baseUrl) throw new AppError('CONFIG', 'reading messages needs the VK API: set PUBLICA_VK_URL');
  const tokens = await pageTokensOf(db, vk.secrets, page.id);
  if (!tokens.community) return { conversations: 0, stored: 0 };
  const pool = pagePool(vk.baseUrl, [{ token: tokens.community, kind: 'community' }]);
  const list = await vkCall(pool, vkMethods.messagesGetConversations, { group_id: page.groupId, count: 200 });
  let stored = 0;
  for (const c of list.items.filter((x) => x.peerType === 'user')) {
    const history = await vkCall(pool, vkMethods.messagesGetHistory, {
      peer_id: c.peerId,
      group_id: page.groupId,
      count: 200,
    });
    for (const m of history.items)
      if (
        await storeMessage(db, {
          pageId: page.id,
          peerId: m.peer_id,
          vkId: m.id,
          fromId: m.from_id,
          isOut: m.out,
          text: m.text,
          sentAt: m.date,
          at: now,
        })
      )
        stored++;
  }
  return { conversations: list.items.length, stored };
}
