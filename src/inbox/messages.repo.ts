// SQL of community messages: the messages of pages in the caller's scope, people's decisions on a waiting
// message, replies sent (each with its random_id), and the pages a VK community id belongs to.
import type { Db } from '../platform/db.ts';
import type { InboxStatus } from '../platform/db-schema.ts';
import { BY_INSTITUTION, inScope, type Scope } from '../platform/scope.ts';
import { selectInPieces } from '../platform/select-in-pieces.ts';

export type MessageRow = {
  id: number;
  page_id: number;
  peer_id: number;
  vk_id: number;
  from_id: number;
  is_out: number;
  text: string;
  sent_at: number;
  url: string;
  /** The community's VK id. */
  external_id: number | null;
  institution: string | null;
  institution_id: number | null;
  region_code: string | null;
  municipality_id: number | null;
  timezone: string | null;
};

/** The VK pages of a community (usually one). */
export function pagesOfGroup(db: Db, groupId: number) {
  return db.kysely
    .selectFrom('pages')
    .select(['id'])
    .where('platform', '=', 'vk')
    .where('external_id', '=', groupId)
    .execute();
}

/** Stores a message once per (page, VK id); true when it was new. */
export async function storeMessage(
  db: Db,
  row: {
    pageId: number;
    peerId: number;
    vkId: number;
    fromId: number;
    isOut: boolean;
    text: string;
    sentAt: number;
    at: number;
  },
): Promise<boolean> {
  const result = await db.kysely
    .insertInto('inbox_messages')
    .values({
      page_id: row.pageId,
      peer_id: row.peerId,
      vk_id: row.vkId,
      from_id: row.fromId,
      is_out: row.isOut ? 1 : 0,
      text: row.text,
      sent_at: row.sentAt,
      stored_at: row.at,
    })
    .onConflict((oc) => oc.columns(['page_id', 'vk_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

const messageColumns = [
  'inbox_messages.id',
  'inbox_messages.page_id',
  'inbox_messages.peer_id',
  'inbox_messages.vk_id',
  'inbox_messages.from_id',
  'inbox_messages.is_out',
  'inbox_messages.text',
  'inbox_messages.sent_at',
  'pages.url',
  'pages.external_id',
  'institutions.short_name as institution',
  'institutions.id as institution_id',
  'institutions.region_code',
  'institutions.municipality_id',
  'regions.timezone',
] as const;

function scoped(db: Db, scope: Scope) {
  return db.kysely
    .selectFrom('inbox_messages')
    .innerJoin('pages', 'pages.id', 'inbox_messages.page_id')
    .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
    .leftJoin('regions', 'regions.code', 'institutions.region_code')
    .select(messageColumns)
    .where(inScope(scope, BY_INSTITUTION));
}

/** Messages of pages in scope since `since`, in each conversation's order. */
export function messagesInScope(db: Db, scope: Scope, filter: { since: number; pageId?: number }) {
  let query = scoped(db, scope).where('inbox_messages.sent_at', '>=', filter.since);
  if (filter.pageId !== undefined) query = query.where('inbox_messages.page_id', '=', filter.pageId);
  return query
    .orderBy('inbox_messages.page_id')
    .orderBy('inbox_messages.peer_id')
    .orderBy('inbox_messages.vk_id')
    .execute() as Promise<MessageRow[]>;
}

export function messageInScope(db: Db, scope: Scope, id: number) {
  return scoped(db, scope).where('inbox_messages.id', '=', id).executeTakeFirst() as Promise<
    MessageRow | undefined
  >;
}

/** One conversation of a page, oldest first. */
export function conversationOf(db: Db, pageId: number, peerId: number) {
  return db.kysely
    .selectFrom('inbox_messages')
    .select(['id', 'vk_id', 'from_id', 'is_out', 'text', 'sent_at'])
    .where('page_id', '=', pageId)
    .where('peer_id', '=', peerId)
    .orderBy('vk_id')
    .execute();
}

export function messageStatesOf(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectInPieces(ids, (piece) =>
    db.kysely
      .selectFrom('inbox_message_states')
      .leftJoin('users', 'users.id', 'inbox_message_states.assignee_id')
      .select([
        'inbox_message_states.message_id',
        'inbox_message_states.status',
        'inbox_message_states.reason',
        'inbox_message_states.assignee_id',
        'users.login as assignee',
      ])
      .where('inbox_message_states.message_id', 'in', piece)
      .execute(),
  );
}

export async function saveMessageState(
  db: Db,
  row: {
    messageId: number;
    status: InboxStatus;
    reason: string | null;
    assigneeId: number | null;
    by: number;
    at: number;
  },
): Promise<void> {
  const values = {
    status: row.status,
    reason: row.reason,
    assignee_id: row.assigneeId,
    updated_by: row.by,
    updated_at: row.at,
  };
  await db.kysely
    .insertInto('inbox_message_states')
    .values({ message_id: row.messageId, ...values })
    .onConflict((oc) => oc.column('message_id').doUpdateSet(values))
    .execute();
}

export function findMessageReply(db: Db, key: string) {
  return db.kysely
    .selectFrom('inbox_message_replies')
    .selectAll()
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Claims the key for a reply; false when the key was used before. */
export async function claimMessageReply(
  db: Db,
  row: { messageId: number; key: string; randomId: number; text: string; by: number; at: number },
): Promise<boolean> {
  const result = await db.kysely
    .insertInto('inbox_message_replies')
    .values({
      message_id: row.messageId,
      idempotency_key: row.key,
      random_id: row.randomId,
      text: row.text,
      status: 'sending',
      created_by: row.by,
      created_at: row.at,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function finishMessageReply(
  db: Db,
  key: string,
  outcome: { status: 'sent'; vkMessageId: number } | { status: 'failed'; error: string },
): Promise<void> {
  await db.kysely
    .updateTable('inbox_message_replies')
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', vk_message_id: outcome.vkMessageId, error: null }
        : { status: 'failed', error: outcome.error },
    )
    .where('idempotency_key', '=', key)
    .execute();
}

/** VK pages by id, with their community ids. */
export function pagesOfIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectInPieces(ids, (piece) =>
    db.kysely
      .selectFrom('pages')
      .select(['id', 'external_id'])
      .where('platform', '=', 'vk')
      .where('id', 'in', piece)
      .execute(),
  );
}

/**
 * A mark that moves whenever a comment, a message or a VK event is stored (an answer sent from here too): the
 * newest ids of those tables (each a primary-key lookup), so polling it every second costs nothing and reads no text.
 */
export async function changeMark(db: Db): Promise<string> {
  const newest = async (table: 'comments' | 'inbox_messages' | 'vk_events') => {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  };
  const marks = await Promise.all(
    (['comments', 'inbox_messages', 'vk_events'] as const).map((t) => newest(t)),
  );
  return marks.join('.');
}
