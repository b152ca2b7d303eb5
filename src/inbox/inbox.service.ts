// The dialogue inbox: users' questions on pages in the caller's scope with their status (new, in progress,
// answered, no answer needed), assignee and safety flags; replies sent to VK with the page's community token
// (once per idempotency key) that close the item at once; response-time metrics by page, municipality and
// region in each region's working calendar; and the alerts operators act on.
import { isRole, permissionsOf } from '../auth/index.ts';
import { storeCommunityComment } from '../collect/index.ts';
import type { Db } from '../platform/db.ts';
import type { InboxStatus } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Scope, scopeContains } from '../platform/scope.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { PoolExhaustedError, pagePool, pageTokensOf, VkApiError, vkCall, vkMethods } from '../vk/index.ts';
import { loadedCalendars } from './calendar.repo.ts';
import {
  claimReply,
  commentInScope,
  dismissalsOf,
  findReply,
  finishReply,
  pageInScope,
  saveDismissal,
  saveState,
  statesOf,
  type ThreadRow,
  textsOnPages,
  threadComments,
  userPlacement,
} from './inbox.repo.ts';
import { postTextsOf, replyAuthorsOf } from './inbox-context.repo.ts';
import { asWaiting, waitingMessages } from './message-thread.ts';
import { messagesInScope } from './messages.repo.ts';
import { deadlineSeconds, type ResponseMetrics, responseMetrics } from './metrics.ts';
import type { YearCalendar } from './production-calendar.ts';
import { flagKey, type SafetyFlag, safetyFlags } from './safety.ts';
import { questionsAndAnswers, threadOf, type Waiting } from './thread.ts';
import {
  addWorkingSeconds,
  russianCalendar,
  type WorkCalendar,
  workingSecondsBetween,
} from './working-hours.ts';

const DAY = 86_400;
/** The methodology's answer-time limit (rule answer-time, 2023.1): a day, i.e. one working day. */
export const ANSWER_LIMIT_HOURS = 24;

export type InboxItem = {
  /** A comment, or a community message (then commentId is the message's id and peerId the person). */
  kind: 'comment' | 'message';
  commentId: number;
  peerId: number | null;
  pageId: number;
  pageUrl: string;
  institution: string | null;
  postVkId: number;
  vkId: number;
  text: string;
  postedAt: number;
  status: InboxStatus;
  reason: string | null;
  assignee: string | null;
  answeredAt: number | null;
  dueAt: number;
  overdue: boolean;
  flags: SafetyFlag[];
  /** Working hours to the deadline in the page's calendar; negative once overdue, null when closed. */
  workingHoursLeft: number | null;
  /** The community's VK id (for links to the post and the comment) and the author's VK id. */
  externalId: number | null;
  fromId: number;
  /** The post the question was asked under (its text as collected), for context. */
  postText: string | null;
  /** The community's answer in the thread, and who sent it through Publica (null when written on VK). */
  answer: { text: string; at: number; by: string | null } | null;
};

/** The comments a view reads: of the last `days` (60 by default), of one page if it names one. */
function readWindow(filter: { pageId?: number; days?: number }, now: number) {
  return {
    since: now - (filter.days ?? 60) * DAY,
    ...(filter.pageId !== undefined ? { pageId: filter.pageId } : {}),
  };
}

export type InboxFilter = {
  pageId?: number;
  status?: InboxStatus;
  q?: string;
  flagged?: boolean;
  assigneeId?: number;
  /** Only the questions past their deadline and still unanswered. */
  overdue?: boolean;
  /** Only the questions still waiting: new or in progress. */
  unanswered?: boolean;
  days?: number;
  /** Only these items (ids of comments, or of messages in the messages' list): the escalated ones. */
  onlyIds?: ReadonlySet<number>;
};

type Caller = { userId: number; scope: Scope };

function toThread(r: ThreadRow) {
  return {
    vkId: r.vk_id,
    postVkId: r.post_vk_id,
    isFromCommunity: r.is_from_community === 1,
    isDeleted: r.is_deleted === 1,
    postedAt: r.posted_at,
    replyTo: r.reply_to_comment,
    threadRoot: r.thread_root,
    text: r.text,
  };
}

/** A page's working calendar: its region's time zone and holidays, the production calendars loaded or built in. */
export function calendarOf(
  page: { timezone: string | null; region_code: string | null } | null,
  now: number,
  loaded: YearCalendar[],
): WorkCalendar {
  const year = new Date(now * 1000).getUTCFullYear();
  return russianCalendar(page?.timezone ?? 'Europe/Moscow', [year - 1, year, year + 1], [], {
    regionCode: page?.region_code ?? null,
    loaded,
  });
}

/** Each page's questions and answers, computed from its comments. */
function byPage(rows: ThreadRow[]) {
  const pages = new Map<number, ThreadRow[]>();
  for (const r of rows) pages.set(r.page_id, [...(pages.get(r.page_id) ?? []), r]);
  return [...pages.values()].map((list) => {
    const first = list[0] as ThreadRow;
    const byVk = new Map(list.map((r) => [r.vk_id, r]));
    // A question whose thread VK did not send in full (an imported file) and no answer among the replies we
    // have is unknown, not waiting: the answer may be among the missing ones (the audit leaves it out too).
    const waiting = questionsAndAnswers(list.map(toThread)).filter(
      (w) => w.answeredAt !== null || (byVk.get(w.comment.vkId)?.replies_missing ?? 0) === 0,
    );
    return {
      page: first,
      waiting,
      rowOf: (w: Waiting) => byVk.get(w.comment.vkId) as ThreadRow,
      answerOf: (w: Waiting) => (w.answerVkId === null ? undefined : byVk.get(w.answerVkId)),
    };
  });
}

export async function listInbox(
  db: Db,
  caller: Caller,
  filter: InboxFilter,
  paging: { page: number; size: number },
  now: number,
): Promise<{ items: InboxItem[]; total: number }> {
  const rows = await threadComments(db, caller.scope, readWindow(filter, now));
  const pages = byPage(rows);
  const loaded = await loadedCalendars(db);
  const calendars = new Map<number, WorkCalendar>();
  const candidates = pages.flatMap(({ page, waiting, rowOf, answerOf }) => {
    const cal = calendarOf(page, now, loaded);
    calendars.set(page.page_id, cal);
    return waiting.map((w) => ({ w, row: rowOf(w), answerRow: answerOf(w), cal }));
  });
  const states = new Map(
    (
      await statesOf(
        db,
        candidates.map((c) => c.row.id),
      )
    ).map((s) => [s.comment_id, s]),
  );
  const dismissed = new Set(
    (await dismissalsOf(db, [...new Set(candidates.map((c) => c.row.page_id))]))
      .filter((d) => d.target_type === 'comment')
      .map((d) => `${d.page_id}:${d.target_vk_id}:${d.flag_key}`),
  );
  const q = filter.q?.trim().toLowerCase();
  const items = candidates
    .map(({ w, row, answerRow, cal }): InboxItem => {
      const state = states.get(row.id);
      const dueAt = dueOf(w.comment.postedAt, cal);
      const answered = w.answeredAt !== null;
      const status: InboxStatus =
        answered && state?.status !== 'no_answer_needed' ? 'answered' : (state?.status ?? 'new');
      return {
        kind: 'comment',
        commentId: row.id,
        peerId: null,
        pageId: row.page_id,
        pageUrl: row.url,
        institution: row.institution,
        postVkId: row.post_vk_id,
        vkId: row.vk_id,
        text: row.text,
        postedAt: row.posted_at,
        status,
        reason: state?.reason ?? null,
        assignee: state?.assignee ?? null,
        answeredAt: w.answeredAt,
        dueAt,
        overdue: !answered && status !== 'no_answer_needed' && now > dueAt,
        flags: safetyFlags(row.text).filter(
          (f) => !dismissed.has(`${row.page_id}:${row.vk_id}:${flagKey(f)}`),
        ),
        // Filled for the rows of the asked page only (withContext): walking working days is not free.
        workingHoursLeft: null,
        externalId: row.external_id,
        fromId: row.from_id,
        postText: null,
        answer: answerRow ? { text: answerRow.text, at: answerRow.posted_at, by: null } : null,
      };
    })
    .filter((item) => !filter.onlyIds || filter.onlyIds.has(item.commentId))
    .filter((item) => !filter.overdue || item.overdue)
    .filter((item) => !filter.unanswered || item.status === 'new' || item.status === 'in_progress')
    .filter((item) => !filter.status || item.status === filter.status)
    .filter((item) => !filter.flagged || item.flags.length > 0)
    .filter(
      (item) =>
        filter.assigneeId === undefined || states.get(item.commentId)?.assignee_id === filter.assigneeId,
    )
    .filter(
      (item) =>
        !q || item.text.toLowerCase().includes(q) || (item.institution ?? '').toLowerCase().includes(q),
    )
    // Overdue first, then the oldest waiting: the order in which they should be answered.
    .sort(
      (a, b) => Number(b.overdue) - Number(a.overdue) || a.postedAt - b.postedAt || a.commentId - b.commentId,
    );
  const start = (paging.page - 1) * paging.size;
  const slice = items.slice(start, start + paging.size).map((i) => {
    const cal = calendars.get(i.pageId);
    const open = i.status === 'new' || i.status === 'in_progress';
    return { ...i, workingHoursLeft: open && cal ? hoursLeft(now, i.dueAt, cal) : null };
  });
  return { items: await withContext(db, slice), total: items.length };
}

/** Working hours from now to the deadline, one decimal; negative (hours late) once it has passed. */
export function hoursLeft(now: number, dueAt: number, cal: WorkCalendar): number {
  const seconds =
    now <= dueAt ? workingSecondsBetween(now, dueAt, cal) : -workingSecondsBetween(dueAt, now, cal);
  return Math.round(seconds / 360) / 10 || 0;
}

/** The post under each question and who sent each answer, for the rows of one queue page only. */
async function withContext(db: Db, items: InboxItem[]): Promise<InboxItem[]> {
  const posts = await postTextsOf(db, items);
  const authors = await replyAuthorsOf(
    db,
    items.filter((i) => i.answer).map((i) => i.commentId),
  );
  return items.map((i) => ({
    ...i,
    postText: posts.get(`${i.pageId}:${i.postVkId}`) ?? null,
    answer: i.answer ? { ...i.answer, by: authors.get(i.commentId) ?? null } : null,
  }));
}

function dueOf(askedAt: number, cal: WorkCalendar): number {
  return addWorkingSeconds(askedAt, deadlineSeconds(ANSWER_LIMIT_HOURS, cal), cal);
}

export async function setInboxState(
  db: Db,
  caller: Caller,
  commentId: number,
  change: { status: Exclude<InboxStatus, 'answered'>; reason?: string; assigneeId?: number | null },
  now: number,
): Promise<void> {
  const comment = await commentInScope(db, caller.scope, commentId);
  if (!comment || comment.is_from_community === 1) throw notFound('comment', commentId);
  await saveState(db, {
    commentId,
    ...(await checkedStateChange(db, caller.scope, change, 'comment')),
    by: caller.userId,
    at: now,
  });
}

export type StateChange = {
  status: Exclude<InboxStatus, 'answered'>;
  reason?: string;
  assigneeId?: number | null;
};

/** A state change of a comment or a message, checked (a reason for "no answer needed", the assignee) and as stored. */
export async function checkedStateChange(
  db: Db,
  scope: Scope,
  change: StateChange,
  item: 'comment' | 'message',
) {
  if (change.status === 'no_answer_needed' && !change.reason?.trim())
    throw new AppError('VALIDATION', `body.reason: say why this ${item} needs no answer`);
  await checkAssignee(db, scope, change.assigneeId);
  return {
    status: change.status,
    reason: change.status === 'no_answer_needed' ? (change.reason?.trim() ?? null) : null,
    assigneeId: change.assigneeId ?? null,
  };
}

/**
 * An item (comment or message) goes only to someone inside the caller's scope (else the one not-found answer)
 * who may answer it: not a viewer, a trainer or a pupil contributor.
 */
export async function checkAssignee(
  db: Db,
  scope: Scope,
  assigneeId: number | null | undefined,
): Promise<void> {
  if (!assigneeId) return;
  const assignee = await userPlacement(db, assigneeId);
  if (!(assignee && scopeContains(scope, assignee))) throw notFound('user', assigneeId, 'body.assigneeId');
  if (!(isRole(assignee.role) && permissionsOf(assignee.role).has('comments.answer')))
    throw new AppError('VALIDATION', `body.assigneeId: user ${assigneeId} may not answer comments`, [
      { path: 'body.assigneeId', message: 'may not answer comments' },
    ]);
}

export type VkAccess = { baseUrl: string | undefined; secrets: SecretBox | null };

/**
 * Answers a comment on VK (wall.createComment, with the page's community token) and stores the answer as the
 * collector would, so the item closes at once. The same key sends once: a repeat returns the first outcome.
 */
export async function replyToComment(
  db: Db,
  caller: Caller,
  commentId: number,
  reply: { text: string; key: string },
  vk: VkAccess,
  now: number,
): Promise<{
  status: 'sent' | 'failed';
  vkCommentId: number | null;
  error: string | null;
  repeated: boolean;
}> {
  const comment = await commentInScope(db, caller.scope, commentId);
  if (!comment || comment.is_from_community === 1) throw notFound('comment', commentId);
  const text = reply.text.trim();
  if (!text) throw new AppError('VALIDATION', 'body.text: the answer is empty');
  const tokens = await pageTokensOf(db, vk.secrets, comment.page_id);
  if (!tokens.community && !tokens.user)
    throw new AppError(
      'CONFLICT',
      `page ${comment.page_id} has no community token: add one with publica vk-token add LABEL --kind community --page ${comment.page_id}`,
    );
  if (!vk.baseUrl) throw new AppError('CONFIG', 'replies need the VK API: set PUBLICA_VK_URL');
  if (!(await claimReply(db, { commentId, key: reply.key, text, by: caller.userId, at: now }))) {
    const known = await findReply(db, reply.key);
    if (known?.comment_id !== commentId) throw new AppError('CONFLICT', 'body.key: used for another comment');
    return {
      status: known.status === 'failed' ? 'failed' : 'sent',
      vkCommentId: known.vk_comment_id,
      error: known.error,
      repeated: true,
    };
  }
  const threadRoot = threadOf({ vkId: comment.vk_id, threadRoot: comment.thread_root, replyTo: null });
  try {
    // Through the port and a pool of the page's tokens: the reply shares each token's rate with the rest.
    const pool = pagePool(vk.baseUrl, [
      ...(tokens.community ? [{ token: tokens.community, kind: 'community' as const }] : []),
      ...(tokens.user ? [{ token: tokens.user, kind: 'user' as const }] : []),
    ]);
    const response = await vkCall(pool, vkMethods.wallCreateComment, {
      owner_id: -(comment.external_id ?? 0),
      post_id: comment.post_vk_id,
      message: text,
      reply_to_comment: comment.vk_id,
      from_group: comment.external_id ?? 0,
    });
    await storeCommunityComment(db, {
      pageId: comment.page_id,
      postVkId: comment.post_vk_id,
      vkId: response.comment_id,
      fromId: -(comment.external_id ?? 0),
      replyTo: comment.vk_id,
      threadRoot,
      text,
      at: now,
    });
    await finishReply(db, reply.key, { status: 'sent', vkCommentId: response.comment_id });
    return { status: 'sent', vkCommentId: response.comment_id, error: null, repeated: false };
  } catch (error) {
    const cause = error instanceof PoolExhaustedError && error.cause ? error.cause : error;
    const message =
      cause instanceof VkApiError ? cause.message : `VK did not answer: ${(cause as Error).message}`;
    await finishReply(db, reply.key, { status: 'failed', error: message });
    throw new AppError('UPSTREAM_UNAVAILABLE', message);
  }
}

export async function dismissFlag(
  db: Db,
  caller: Caller,
  commentId: number,
  flag: { kind: string; text: string },
  now: number,
): Promise<void> {
  const comment = await commentInScope(db, caller.scope, commentId);
  if (!comment) throw notFound('comment', commentId);
  await saveDismissal(db, {
    pageId: comment.page_id,
    targetType: 'comment',
    targetVkId: comment.vk_id,
    flagKey: flagKey({ kind: flag.kind as SafetyFlag['kind'], text: flag.text }),
    by: caller.userId,
    at: now,
  });
}

export type MetricsRow = ResponseMetrics & { key: string; name: string | null };

/** Response-time metrics of the scope, by page, municipality and region, with the alerts operators watch. */
export async function inboxMetrics(
  db: Db,
  caller: Caller,
  filter: { pageId?: number; days?: number },
  now: number,
): Promise<{
  total: ResponseMetrics;
  byRegion: MetricsRow[];
  byMunicipality: MetricsRow[];
  byPage: MetricsRow[];
  /** Comments and community messages apart (the rest counts them together). */
  byKind: { comments: ResponseMetrics; messages: ResponseMetrics };
  alerts: { overdue: number; flaggedVisible: number };
}> {
  const rows = await threadComments(db, caller.scope, readWindow(filter, now));
  // Messages count here without their texts: the numbers are not personal data.
  const messageRows = await messagesInScope(db, caller.scope, readWindow(filter, now));
  const pages = byPage(rows);
  const messagesByPage = new Map<number, { page: (typeof messageRows)[number]; waiting: Waiting[] }>();
  for (const w of waitingMessages(messageRows)) {
    const entry = messagesByPage.get(w.first.page_id) ?? { page: w.first, waiting: [] };
    entry.waiting.push(asWaiting(w));
    messagesByPage.set(w.first.page_id, entry);
  }
  // Each question is judged in its own region's calendar, also in the totals over several regions.
  const calendars = new Map<Waiting, WorkCalendar>();
  const loaded = await loadedCalendars(db);
  const calOf = (w: Waiting) => calendars.get(w) ?? calendarOf(null, now, loaded);
  const groups = new Map<string, { name: string | null; items: Waiting[] }>();
  const add = (key: string, name: string | null, items: Waiting[]) => {
    const g = groups.get(key) ?? { name, items: [] };
    g.items.push(...items);
    groups.set(key, g);
  };
  for (const { page, waiting } of pages) {
    const cal = calendarOf(page, now, loaded);
    for (const w of waiting) calendars.set(w, cal);
    add(`page:${page.page_id}`, page.institution ?? page.url, waiting);
    add(`municipality:${page.municipality_id ?? '-'}`, null, waiting);
    add(`region:${page.region_code ?? '-'}`, null, waiting);
  }
  for (const { page, waiting } of messagesByPage.values()) {
    const cal = calendarOf(page, now, loaded);
    for (const w of waiting) calendars.set(w, cal);
    add(`page:${page.page_id}`, page.institution ?? page.url, waiting);
    add(`municipality:${page.municipality_id ?? '-'}`, null, waiting);
    add(`region:${page.region_code ?? '-'}`, null, waiting);
  }
  const commentItems = pages.flatMap((p) => p.waiting);
  const messageItems = [...messagesByPage.values()].flatMap((p) => p.waiting);
  const rowsOf = (prefix: string): MetricsRow[] =>
    [...groups.entries()]
      .filter(([key]) => key.startsWith(`${prefix}:`))
      .map(([key, g]) => ({
        key: key.slice(prefix.length + 1),
        name: g.name,
        ...responseMetrics(g.items, calOf, ANSWER_LIMIT_HOURS, now),
      }))
      .sort((a, b) => b.overdue - a.overdue || a.key.localeCompare(b.key));
  const total = responseMetrics([...commentItems, ...messageItems], calOf, ANSWER_LIMIT_HOURS, now);
  // A flagged post or comment left visible for more than a day (flags dismissed as false do not count).
  const flaggedVisible = (await flaggedTexts(db, caller, filter, now)).filter(
    (t) => now - t.postedAt > DAY,
  ).length;
  return {
    total,
    byRegion: rowsOf('region'),
    byMunicipality: rowsOf('municipality'),
    byPage: rowsOf('page'),
    byKind: {
      comments: responseMetrics(commentItems, calOf, ANSWER_LIMIT_HOURS, now),
      messages: responseMetrics(messageItems, calOf, ANSWER_LIMIT_HOURS, now),
    },
    alerts: { overdue: total.overdue, flaggedVisible },
  };
}

export type FlaggedText = {
  target: 'post' | 'comment';
  pageId: number;
  vkId: number;
  postVkId: number;
  institution: string | null;
  text: string;
  postedAt: number;
  /** Hours it has been visible (posted and not deleted). */
  visibleHours: number;
  flags: SafetyFlag[];
};

/** Flagged posts of the pages and users' comments on them, minus dismissed flags; longest visible first. */
export async function flaggedTexts(
  db: Db,
  caller: Caller,
  filter: { pageId?: number; days?: number },
  now: number,
): Promise<FlaggedText[]> {
  const texts = await textsOnPages(db, caller.scope, readWindow(filter, now));
  const dismissed = new Set(
    (await dismissalsOf(db, [...new Set(texts.map((t) => t.page_id))])).map(
      (d) => `${d.page_id}:${d.target_type}:${d.target_vk_id}:${d.flag_key}`,
    ),
  );
  return texts
    .map((t) => ({
      target: t.target,
      pageId: t.page_id,
      vkId: t.vk_id,
      postVkId: t.post_vk_id,
      institution: t.institution,
      text: t.text,
      postedAt: t.posted_at,
      visibleHours: Math.max(0, Math.round((now - t.posted_at) / 360) / 10),
      flags: safetyFlags(t.text).filter(
        (f) => !dismissed.has(`${t.page_id}:${t.target}:${t.vk_id}:${flagKey(f)}`),
      ),
    }))
    .filter((t) => t.flags.length > 0)
    .sort((a, b) => a.postedAt - b.postedAt);
}

/** Dismisses a flag on a post or a comment of a page in scope; remembered for that text and span. */
export async function dismissTextFlag(
  db: Db,
  caller: Caller,
  target: { pageId: number; targetType: 'post' | 'comment'; vkId: number; kind: string; text: string },
  now: number,
): Promise<void> {
  if (!(await pageInScope(db, caller.scope, target.pageId)))
    throw notFound('page', target.pageId, 'body.pageId');
  await saveDismissal(db, {
    pageId: target.pageId,
    targetType: target.targetType,
    targetVkId: target.vkId,
    flagKey: flagKey({ kind: target.kind as SafetyFlag['kind'], text: target.text }),
    by: caller.userId,
    at: now,
  });
}
