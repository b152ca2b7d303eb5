// SQL of VK's pushed events: each stored once by (community, event_id), the community's Callback API settings
// and Long Poll position. The comments the events add, change or delete are collect's (collect/pushed-comments.repo.ts).
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
