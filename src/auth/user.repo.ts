// SQL of users. Lists are filtered by the caller's scope over the users' own scope columns.
import type { Insertable, Updateable } from 'kysely';
import { type Db, pageOf } from '../platform/db.ts';
import type { UserTable } from '../platform/db-schema.ts';
import { inScope, type Scope } from '../platform/scope.ts';

const USER_SCOPE = {
  region: 'users.region_code',
  municipality: 'users.municipality_id',
  institution: 'users.institution_id',
};

export type UserRow = Awaited<ReturnType<typeof findUserByLogin>> & object;

export function findUserByLogin(db: Db, login: string) {
  return db.kysely.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

export function findUserById(db: Db, id: number) {
  return db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserInScope(db: Db, scope: Scope, id: number) {
  return db.kysely
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where(inScope(scope, USER_SCOPE))
    .executeTakeFirst();
}

export type UserFilter = { q?: string; role?: string; page: number; size: number };

export async function listUsers(db: Db, scope: Scope, filter: UserFilter) {
  let query = db.kysely.selectFrom('users').where(inScope(scope, USER_SCOPE));
  if (filter.role) query = query.where('role', '=', filter.role as UserTable['role']);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['login']), 'like', like),
        eb(eb.fn('lower', ['display_name']), 'like', like),
      ]),
    );
  }
  return pageOf(query, (q) => q.selectAll().orderBy('login'), filter);
}

export async function insertUser(db: Db, row: Insertable<UserTable>): Promise<number> {
  const inserted = await db.kysely.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** An admin's change: applies only to a user inside the admin's scope; false when there is none. */
export async function updateUserInScope(
  db: Db,
  scope: Scope,
  id: number,
  change: Updateable<UserTable>,
): Promise<boolean> {
  const result = await db.kysely
    .updateTable('users')
    .set(change)
    .where('id', '=', id)
    .where(inScope(scope, USER_SCOPE))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The user's own sign-in bookkeeping (no admin, no scope). */
export async function updateUser(db: Db, id: number, change: Updateable<UserTable>): Promise<void> {
  await db.kysely.updateTable('users').set(change).where('id', '=', id).execute();
}

export function findUserBySubject(db: Db, subject: string) {
  return db.kysely.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
}
