// One queue for comments and community messages: both kinds under the same order (overdue first, then the
// oldest waiting), statuses and filters. Messages join only for those who may read them (personal data).
import type { Db } from '../platform/db.ts';
import { type InboxFilter, type InboxItem, listInbox } from './inbox.service.ts';
import { listMessageItems, type MessageCaller, mayReadMessages } from './messages.service.ts';

export type QueueKind = 'comment' | 'message' | 'all';

export async function listQueue(
  db: Db,
  caller: MessageCaller,
  filter: InboxFilter & { kind: QueueKind },
  paging: { page: number; size: number },
  now: number,
): Promise<{ items: InboxItem[]; total: number }> {
  const { kind, ...rest } = filter;
  if (kind === 'comment') return listInbox(db, caller, rest, paging, now);
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
  return {
    items: items.slice(start, start + paging.size),
    total: commentPart.total + messages.length,
  };
}
