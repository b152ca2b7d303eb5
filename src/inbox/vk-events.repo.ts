// SQL of VK's pushed events: each stored once by (community, event_id), the community's Callback API settings
// and Long Poll position, and the comments the events add, change or delete.
import type { Db } from '../platform/db.ts';

/** Claims an event; false when it was stored before (a repeat delivery). */
export async function claimEvent(
  db: Db,
  row: {
    eventId: string;
    groupId: number;
    type: string;
    source: 'callback' | 'long-poll';
    payload: string;
    at: number;
  },
): Promise<boolean> {
  const result = await db.kysely
    .insertInto('vk_events')
    .values({
      event_id: row.eventId,
      group_id: row.groupId,
      type: row.type,
      source: row.source,
      payload: row.payload,
      received_at: row.at,
    })
    .onConflict((oc) => oc.columns(['group_id', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function releaseEvent(db: Db, groupId: number, eventId: string): Promise<void> {
  await db.kysely
    .deleteFrom('vk_events')
    .where('group_id', '=', groupId)
    .where('event_id', '=', eventId)
    .execute();
}

export function countEvents(db: Db, groupId: number) {
  return db.kysely
    .selectFrom('vk_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function callbackSettings(db: Db, groupId: number) {
  return db.kysely
    .selectFrom('vk_callback_settings')
    .selectAll()
    .where('group_id', '=', groupId)
    .executeTakeFirst();
}

/** Stores a community's settings; the secret comes sealed (callback-secret.ts), never in the clear. */
export async function saveCallbackSettings(
  db: Db,
  row: { groupId: number; confirmation: string; sealedSecret: string; at: number },
): Promise<void> {
  const values = { confirmation: row.confirmation, secret: row.sealedSecret, updated_at: row.at };
  await db.kysely
    .insertInto('vk_callback_settings')
    .values({ group_id: row.groupId, ...values })
    .onConflict((oc) => oc.column('group_id').doUpdateSet(values))
    .execute();
}

export function longPollTs(db: Db, groupId: number) {
  return db.kysely
    .selectFrom('vk_long_poll_state')
    .select('ts')
    .where('group_id', '=', groupId)
    .executeTakeFirst()
    .then((r) => r?.ts ?? null);
}

export async function saveLongPollTs(db: Db, groupId: number, ts: string, at: number): Promise<void> {
  await db.kysely
    .insertInto('vk_long_poll_state')
    .values({ group_id: groupId, ts, updated_at: at })
    .onConflict((oc) => oc.column('group_id').doUpdateSet({ ts, updated_at: at }))
    .execute();
}

export type EventComment = {
  pageId: number;
  postVkId: number;
  vkId: number;
  fromId: number;
  isFromCommunity: boolean;
  postedAt: number;
  replyTo: number | null;
  threadRoot: number | null;
  text: string;
};

const row = (c: EventComment, at: number, deleted: boolean) => ({
  page_id: c.pageId,
  post_vk_id: c.postVkId,
  vk_id: c.vkId,
  from_id: c.fromId,
  is_from_community: c.isFromCommunity ? (1 as const) : (0 as const),
  posted_at: c.postedAt,
  reply_to_comment: c.replyTo,
  thread_root: c.threadRoot,
  text: deleted ? '' : c.text,
  is_deleted: deleted ? (1 as const) : (0 as const),
  collected_at: at,
  deleted_at: deleted ? at : null,
});

/** A new comment: stored unless known (an edit or a deletion that came first wins). */
export async function addEventComment(db: Db, c: EventComment, at: number): Promise<void> {
  await db.kysely
    .insertInto('comments')
    .values(row(c, at, false))
    .onConflict((oc) => oc.columns(['page_id', 'vk_id']).doNothing())
    .execute();
}

/** An edited comment: its new text, unless it is deleted (a deletion is final). */
export async function editEventComment(db: Db, c: EventComment, at: number): Promise<void> {
  await db.kysely
    .insertInto('comments')
    .values(row(c, at, false))
    .onConflict((oc) =>
      oc.columns(['page_id', 'vk_id']).doUpdateSet({ text: c.text }).where('comments.is_deleted', '=', 0),
    )
    .execute();
}

export async function deleteEventComment(db: Db, c: EventComment, at: number): Promise<void> {
  await db.kysely
    .insertInto('comments')
    .values(row(c, at, true))
    .onConflict((oc) => oc.columns(['page_id', 'vk_id']).doUpdateSet({ is_deleted: 1, deleted_at: at }))
    .execute();
}
