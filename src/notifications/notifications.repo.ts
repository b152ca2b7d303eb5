// SQL of in-app notifications: send once per key, list what a caller is addressed by, mark read.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';

export type NotificationInput = {
  institutionId?: number | null;
  userId?: number | null;
  kind: string;
  params: Record<string, string | number | null>;
  link?: string | null;
  /** The same key is sent once: a second send of it changes nothing. */
  key: string;
  at: number;
};

/** Sends each notification whose key is new; returns how many were. */
export async function insertNotifications(db: Db, items: NotificationInput[]): Promise<number> {
  let sent = 0;
  for (let i = 0; i < items.length; i += 200) {
    const rows = items.slice(i, i + 200).map((n) => ({
      institution_id: n.institutionId ?? null,
      user_id: n.userId ?? null,
      kind: n.kind,
      params_json: JSON.stringify(n.params),
      link: n.link ?? null,
      dedupe_key: n.key,
      created_at: n.at,
    }));
    const inserted = await db.kysely
      .insertInto('notifications')
      .values(rows)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    sent += inserted.length;
  }
  return sent;
}

export type Addressee = { userId: number | null; institutionId: number | null };

function addressedTo(a: Addressee) {
  return sql<boolean>`(notifications.user_id = ${a.userId ?? -1} or notifications.institution_id = ${a.institutionId ?? -1})`;
}

export function listNotifications(db: Db, a: Addressee, options: { unreadOnly: boolean; limit: number }) {
  let query = db.kysely.selectFrom('notifications').selectAll().where(addressedTo(a));
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function countUnread(db: Db, a: Addressee): Promise<number> {
  const row = await db.kysely
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(addressedTo(a))
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks the caller's notifications read (all of them without ids); returns how many changed. */
export async function markRead(db: Db, a: Addressee, ids: number[] | null, at: number): Promise<number> {
  let query = db.kysely
    .updateTable('notifications')
    .set({ read_at: at })
    .where(addressedTo(a))
    .where('read_at', 'is', null);
  if (ids) query = query.where('id', 'in', ids.length ? ids : [-1]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
