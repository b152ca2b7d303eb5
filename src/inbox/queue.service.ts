// One queue for comments and community messages: both kinds under the same order (overdue first, then the
// oldest waiting), statuses and filters. Messages join only for those who may read them (personal data).
// Each item carries its escalation (the level it reached and when it moved); `escalated` keeps the items that
// reached the caller's own queue: a municipality's supervisors see what moved to the municipality (and on to
// the region), a region's and the country's see what moved to the region.
import type { Db } from '../platform/db.ts';
import type { Scope } from '../platform/scope.ts';
import { escalatedItemsInScope, escalationsOf } from './escalation.repo.ts';
import type { EscalationLevel } from './escalation.ts';
import { type InboxFilter, type InboxItem, listInbox } from './inbox.service.ts';
import { listMessageItems, type MessageCaller, mayReadMessages } from './messages.service.ts';

export type QueueKind = 'comment' | 'message' | 'all';
export type Escalated = {
  level: Exclude<EscalationLevel, 'page'>;
  history: { level: Exclude<EscalationLevel, 'page'>; at: number }[];
};
export type QueueItem = InboxItem & { escalation: Escalated | null };

/** The escalation levels whose items a scope's queue holds. */
export function escalationLevelsFor(scope: Scope): Exclude<EscalationLevel, 'page'>[] {
  return scope.level === 'region' || scope.level === 'country' ? ['region'] : ['municipality', 'region'];
}

export async function listQueue(
  db: Db,
  caller: MessageCaller,
  filter: InboxFilter & { kind: QueueKind; escalated?: boolean },
  paging: { page: number; size: number },
  now: number,
): Promise<{ items: QueueItem[]; total: number }> {
  const { kind, escalated, ...plain } = filter;
  const only = escalated
    ? await escalatedItemsInScope(db, caller.scope, escalationLevelsFor(caller.scope))
    : undefined;
  const rest = { ...plain, ...(only ? { onlyIds: only.comment } : {}) };
  if (kind === 'comment') return withEscalation(db, await listInbox(db, caller, rest, paging, now));
  // Both lists come in the queue's order, so a merged page needs only the first page × size of the comments
  // (their per-row context — time left, post, who answered — is not free).
  const commentPart =
    kind === 'all'
      ? await listInbox(db, caller, rest, { page: 1, size: paging.page * paging.size }, now)
      : { items: [], total: 0 };
  const comments = commentPart.items;
  // "all" shows messages to those who may read them and leaves them out for the others; "message" refuses.
  const withMessages = kind === 'message' || mayReadMessages(caller);
  const q = rest.q?.trim().toLowerCase();
  const messages = withMessages
    ? (await listMessageItems(db, caller, rest, now))
        .filter((i) => !only || only.message.has(i.commentId))
        .filter((i) => !rest.status || i.status === rest.status)
        .filter((i) => !rest.flagged || i.flags.length > 0)
        .filter(
          (i) => !q || i.text.toLowerCase().includes(q) || (i.institution ?? '').toLowerCase().includes(q),
        )
    : [];
  const items = [...comments, ...messages].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.postedAt - b.postedAt || a.commentId - b.commentId,
  );
  const start = (paging.page - 1) * paging.size;
  return withEscalation(db, {
    items: items.slice(start, start + paging.size),
    total: commentPart.total + messages.length,
  });
}

/** The recorded escalation of each item of a queue page. */
async function withEscalation(
  db: Db,
  page: { items: InboxItem[]; total: number },
): Promise<{ items: QueueItem[]; total: number }> {
  const ids = (kind: InboxItem['kind']) => page.items.filter((i) => i.kind === kind).map((i) => i.commentId);
  const moves = [
    ...(await escalationsOf(db, 'comment', ids('comment'))).map((m) => ({ ...m, kind: 'comment' })),
    ...(await escalationsOf(db, 'message', ids('message'))).map((m) => ({ ...m, kind: 'message' })),
  ];
  return {
    total: page.total,
    items: page.items.map((i) => {
      const history = moves
        .filter((m) => m.kind === i.kind && m.item_id === i.commentId)
        .map((m) => ({ level: m.level, at: m.moved_at }));
      const last = history.at(-1);
      return { ...i, escalation: last ? { level: last.level, history } : null };
    }),
  };
}
