// SQL of VK token leases: a token is held by one holder until its lease expires; heartbeats push it on.
import type { Db } from '../platform/db.ts';

/** Takes the token if it is free, expired, or already this holder's; true when taken. */
export async function takeLease(db: Db, tokenKey: string, holder: string, now: number, ttlMs: number) {
  const result = await db.kysely
    .insertInto('vk_token_leases')
    .values({ token_key: tokenKey, holder, acquired_at: now, expires_at: now + ttlMs })
    .onConflict((oc) =>
      oc
        .column('token_key')
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          acquired_at: eb.ref('excluded.acquired_at'),
          expires_at: eb.ref('excluded.expires_at'),
        }))
        .where((eb) =>
          eb.or([
            eb('vk_token_leases.expires_at', '<', now),
            eb('vk_token_leases.holder', '=', eb.ref('excluded.holder')),
          ]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Pushes the holder's leases on; the number still held. */
export async function renewLeases(db: Db, keys: string[], holder: string, until: number): Promise<number> {
  if (keys.length === 0) return 0;
  const result = await db.kysely
    .updateTable('vk_token_leases')
    .set({ expires_at: until })
    .where('token_key', 'in', keys)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Gives the holder's tokens back after `coolMs`: the next holder starts its own per-second count from zero, so
 * it must not start within the second in which this one sent its last requests.
 */
export async function dropLeases(db: Db, keys: string[], holder: string, now: number, coolMs: number) {
  if (keys.length === 0) return;
  await db.kysely
    .updateTable('vk_token_leases')
    .set({ expires_at: now + coolMs })
    .where('token_key', 'in', keys)
    .where('holder', '=', holder)
    .execute();
}

export function getLease(db: Db, tokenKey: string) {
  return db.kysely
    .selectFrom('vk_token_leases')
    .select(['holder', 'expires_at'])
    .where('token_key', '=', tokenKey)
    .executeTakeFirst();
}

/** Ends the holder's lease at `until`, unless someone else holds it by now. */
export async function shortenLease(db: Db, tokenKey: string, holder: string, until: number) {
  await db.kysely
    .updateTable('vk_token_leases')
    .set({ expires_at: until })
    .where('token_key', '=', tokenKey)
    .where('holder', '=', holder)
    .execute();
}

export function listLeases(db: Db) {
  return db.kysely.selectFrom('vk_token_leases').selectAll().orderBy('token_key').execute();
}
