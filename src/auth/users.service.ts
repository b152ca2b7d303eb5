// Managing accounts: an admin creates, changes, disables and resets users inside their own scope, and can
// never hand out a scope wider than their own, nor take over a peer admin (only a higher level resets, disables
// or re-roles an admin). A reset or a disable ends the user's sessions and API tokens. Every change is logged.

import type { Updateable } from 'kysely';
import { type Actor, recordAction } from '../platform/audit-log.ts';
import { type Clock, systemClock, unixSeconds } from '../platform/clock.ts';
import { bumpVersion, type Db, inTransaction } from '../platform/db.ts';
import type { Role, UserTable } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, placementOf, SCOPE_LEVELS, type Scope, scopeKey, scopeWithin } from '../platform/scope.ts';
import { checkPasswordPolicy, generatePassword, hashPassword } from './password.ts';
import { isRole, ROLES } from './roles.ts';
import { resolveScope, type ScopeSpec, scopeColumns, scopeOfRow, scopeSpecId } from './scope-spec.ts';
import { deleteUserSessions, listTokens, revokeToken, revokeUserTokens } from './session.repo.ts';
import {
  findUserByLogin,
  findUserInScope,
  insertUser,
  listUsers,
  type UserFilter,
  updateUserInScope,
} from './user.repo.ts';

/** Who asks: their scope bounds what they may see and grant. */
export type Manager = Actor & { scope: Scope };

export type UserView = {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  scope: Scope;
  disabled: boolean;
  locked: boolean;
  lastLoginAt: number | null;
  createdAt: number;
};

type UserRecord = NonNullable<Awaited<ReturnType<typeof findUserByLogin>>>;

export function userView(row: UserRecord, now: number): UserView {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    scope: scopeOfRow(row),
    disabled: row.disabled === 1,
    locked: row.locked_until !== null && row.locked_until > now,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export type NewUser = {
  login: string;
  displayName?: string;
  role: string;
  scope: ScopeSpec;
  password?: string;
};

const LOGIN = /^[a-z0-9._@-]{3,64}$/;

export function createUsers(db: Db, clock: Clock = systemClock) {
  const now = () => unixSeconds(clock.now());

  /** The role's scope level must match the scope, and both must lie within the manager's. */
  async function grantable(
    manager: Manager,
    role: string,
    spec: ScopeSpec,
  ): Promise<{ role: Role; scope: Scope }> {
    if (!isRole(role))
      throw new AppError('VALIDATION', `unknown role "${role}"`, [
        { path: 'body.role', message: 'unknown role' },
      ]);
    if (ROLES[role].level !== spec.level)
      throw new AppError('VALIDATION', `role ${role} needs a ${ROLES[role].level} scope, not ${spec.level}`, [
        { path: 'body.scope.level', message: `must be ${ROLES[role].level}` },
      ]);
    if (SCOPE_LEVELS.indexOf(ROLES[role].level) < SCOPE_LEVELS.indexOf(manager.scope.level))
      throw new AppError('FORBIDDEN', `a ${manager.scope.level} admin cannot grant the role ${role}`);
    // A node outside the manager's scope is reported exactly like a node that does not exist.
    const missing = () => notFound(spec.level, scopeSpecId(spec), 'body.scope');
    const scope = await resolveScope(db, spec).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? missing() : error;
    });
    if (!scopeWithin(scope, manager.scope)) throw missing();
    return { role, scope };
  }

  async function add(manager: Manager, input: NewUser): Promise<{ user: UserView; password: string | null }> {
    const login = input.login.trim().toLowerCase();
    if (!LOGIN.test(login))
      throw new AppError('VALIDATION', 'a login is 3–64 latin letters, digits or . _ @ -', [
        { path: 'body.login', message: 'latin letters, digits, . _ @ -; 3–64 characters' },
      ]);
    const { role, scope } = await grantable(manager, input.role, input.scope);
    const generated = input.password ? null : generatePassword();
    const password = input.password ?? (generated as string);
    checkPasswordPolicy(password, 'body.password');
    const hash = await hashPassword(password);
    const at = now();
    const id = await inTransaction(db, async (tx) => {
      if (await findUserByLogin(tx, login)) throw new AppError('CONFLICT', `the login "${login}" is taken`);
      const id = await insertUser(tx, {
        login,
        display_name: input.displayName?.trim() || login,
        password_hash: hash,
        oidc_subject: null,
        role,
        ...scopeColumns(scope),
        locked_until: null,
        last_login_at: null,
        created_at: at,
        updated_at: at,
      });
      await recordAction(
        tx,
        manager,
        {
          action: 'user.create',
          targetType: 'user',
          targetId: id,
          at,
          details: { login, role, scope: scopeKey(scope) },
        },
        placementOf(scope),
      );
      return id;
    });
    return { user: await get(manager, id), password: generated };
  }

  async function get(manager: Manager, id: number): Promise<UserView> {
    const row = await findUserInScope(db, manager.scope, id);
    if (!row) throw new AppError('NOT_FOUND', `no user ${id}`);
    return userView(row, now());
  }

  async function list(manager: Manager, filter: UserFilter) {
    const { items, total } = await listUsers(db, manager.scope, filter);
    const at = now();
    return { items: items.map((row) => userView(row, at)), total };
  }

  async function change(
    manager: Manager,
    id: number,
    input: { role?: string; scope?: ScopeSpec; displayName?: string; disabled?: boolean },
  ): Promise<UserView> {
    const before = await get(manager, id);
    const weighty = input.role !== undefined || input.scope !== undefined || input.disabled !== undefined;
    if (id === manager.userId && weighty)
      throw new AppError('FORBIDDEN', 'you cannot change your own role, scope or status');
    if (weighty) assertAbove(manager, before);
    const at = now();
    const granted =
      input.role !== undefined || input.scope
        ? await grantable(manager, input.role ?? before.role, input.scope ?? specOf(before.scope))
        : null;
    await inTransaction(db, async (tx) => {
      await changeInScope(tx, manager, id, {
        ...(granted ? { role: granted.role, ...scopeColumns(granted.scope) } : {}),
        ...(input.displayName ? { display_name: input.displayName.trim() } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
        updated_at: at,
      });
      // A disabled or re-scoped user signs in again, under the new rules.
      if (granted || input.disabled) await deleteUserSessions(tx, id);
      // Tokens end with a disable, and with an enable of a disabled user (tokens from before it never return).
      if (input.disabled === true || (input.disabled === false && before.disabled))
        await revokeUserTokens(tx, id, at);
      await bumpVersion(tx, 'auth');
      const details = {
        ...(granted
          ? {
              role: granted.role,
              scope: scopeKey(granted.scope),
              was: `${before.role} ${scopeKey(before.scope)}`,
            }
          : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
        ...(input.displayName ? { displayName: input.displayName } : {}),
      };
      const action =
        input.disabled === true ? 'user.disable' : input.disabled === false ? 'user.enable' : 'user.update';
      await recordAction(
        tx,
        manager,
        { action, targetType: 'user', targetId: id, at, details },
        placementOf(granted?.scope ?? before.scope),
      );
    });
    return get(manager, id);
  }

  async function resetPassword(manager: Manager, id: number, password?: string): Promise<string | null> {
    const user = await get(manager, id);
    if (id !== manager.userId) assertAbove(manager, user);
    const chosen = password ?? generatePassword();
    checkPasswordPolicy(chosen, 'body.password');
    const hash = await hashPassword(chosen);
    const at = now();
    await inTransaction(db, async (tx) => {
      await changeInScope(tx, manager, id, {
        password_hash: hash,
        failed_logins: 0,
        locked_until: null,
        updated_at: at,
      });
      await deleteUserSessions(tx, id);
      await revokeUserTokens(tx, id, at);
      await bumpVersion(tx, 'auth');
      await recordAction(
        tx,
        manager,
        { action: 'user.password_reset', targetType: 'user', targetId: id, at },
        placementOf(user.scope),
      );
    });
    return password ? null : chosen;
  }

  async function findByLogin(manager: Manager, login: string): Promise<UserView> {
    const row = await findUserByLogin(db, login.toLowerCase());
    if (!row) throw new AppError('NOT_FOUND', `no user "${login}"`);
    return get(manager, row.id);
  }

  /** The API tokens of a user in the manager's scope (never their secrets). */
  async function listTokensOf(manager: Manager, id: number) {
    await get(manager, id);
    return listTokens(db, id);
  }

  /** An admin ends a token of a user in their scope (of an admin: only from a higher level). */
  async function revokeTokenOf(manager: Manager, id: number, tokenId: number): Promise<void> {
    const user = await get(manager, id);
    if (id !== manager.userId) assertAbove(manager, user);
    const at = now();
    await inTransaction(db, async (tx) => {
      if (!(await revokeToken(tx, id, tokenId, at)))
        throw new AppError('NOT_FOUND', `no live token ${tokenId} of user ${id}`);
      await bumpVersion(tx, 'auth');
      await recordAction(
        tx,
        manager,
        { action: 'token.revoke', targetType: 'api_token', targetId: tokenId, at, details: { userId: id } },
        placementOf(user.scope),
      );
    });
  }

  return { add, get, list, change, resetPassword, findByLogin, listTokensOf, revokeTokenOf };
}

/**
 * An admin's account is changed only from strictly above it: a wider scope (a federal admin over a region's,
 * the console over everyone). Admins of one level share one admin role, so a peer is simply the same level.
 */
function assertAbove(manager: Manager, target: UserView): void {
  if (manager.userId === null || !ROLES[target.role].permissions.includes('users.manage')) return;
  if (SCOPE_LEVELS.indexOf(manager.scope.level) < SCOPE_LEVELS.indexOf(target.scope.level)) return;
  throw new AppError('FORBIDDEN', 'only an administrator of a higher level may do this to an administrator');
}

async function changeInScope(
  db: Db,
  manager: Manager,
  id: number,
  change: Updateable<UserTable>,
): Promise<void> {
  if (!(await updateUserInScope(db, manager.scope, id, change)))
    throw new AppError('NOT_FOUND', `no user ${id}`);
}

function specOf(scope: Scope): ScopeSpec {
  switch (scope.level) {
    case 'country':
      return { level: 'country' };
    case 'region':
      return { level: 'region', regionCode: scope.regionCode };
    case 'municipality':
      return { level: 'municipality', municipalityId: scope.municipalityId };
    case 'institution':
      return { level: 'institution', institutionId: scope.institutionId };
  }
}
