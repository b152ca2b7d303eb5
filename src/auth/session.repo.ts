// SQL of sessions and API tokens: both stored by hash only, both resolved with their user in one query.
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { ApiTokenTable, SessionTable } from '../platform/db-schema.ts';
import { writeIfFree } from '../platform/write-if-free.repo.ts';

/** What a credential's check needs of its user. */
const OWNER_COLUMNS = [
  'users.id as user_id',
  'users.login',
  'users.role',
  'users.region_code',
  'users.municipality_id',
  'users.institution_id',
  'users.disabled',
] as const;

export async function insertSession(db: Db, row: SessionTable): Promise<void> {
  await db.kysely.insertInto('sessions').values(row).execute();
}

export function findSessionWithUser(db: Db, idHash: string) {
  return db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.seen_at',
      'sessions.expires_at',
      ...OWNER_COLUMNS,
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
}

/** A session's use, put off while another process holds the write lock (see writeIfFree): false then. */
export function touchSession(db: Db, idHash: string, seenAt: number, expiresAt: number): Promise<boolean> {
  return writeIfFree(
    db,
    db.kysely
      .updateTable('sessions')
      .set({ seen_at: seenAt, expires_at: expiresAt })
      .where('id_hash', '=', idHash),
  );
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<number> {
  const result = await db.kysely.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertToken(db: Db, row: Insertable<ApiTokenTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto('api_tokens')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export function findTokenWithUser(db: Db, tokenHash: string) {
  return db.kysely
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.permissions',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      ...OWNER_COLUMNS,
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** A token's use, put off while another process holds the write lock (see writeIfFree): false then. */
export function markTokenUsed(db: Db, id: number, at: number): Promise<boolean> {
  return writeIfFree(db, db.kysely.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id));
}

export function listTokens(db: Db, userId: number) {
  return db.kysely
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'permissions', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

/** Ends every live token of a user (password reset, disable): returns how many. */
export async function revokeUserTokens(db: Db, userId: number, at: number): Promise<number> {
  const result = await db.kysely
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** When a token ends (null: never), for bounding the tokens it creates. */
export async function findTokenExpiry(db: Db, id: number): Promise<number | null | undefined> {
  const row = await db.kysely
    .selectFrom('api_tokens')
    .select('expires_at')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.expires_at;
}

/** Revokes a token of this user; false when the user has no such live token. */
export async function revokeToken(db: Db, userId: number, id: number, at: number): Promise<boolean> {
  const result = await db.kysely
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
