// Signing in and out, sessions with an idle and an absolute lifetime, API tokens, and the authenticator the
// HTTP server calls on every request. Secrets are returned once and stored only as sha256 hashes.
import { type Actor, recordAction } from '../platform/audit-log.ts';
import { type Clock, systemClock, unixSeconds } from '../platform/clock.ts';
import { bumpVersion, type Db } from '../platform/db.ts';
import type { Role } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';
import type { Authenticator, Principal } from '../platform/http/principal.ts';
import { placementOf } from '../platform/scope.ts';
import { randomSecret, sha256, verifyPassword } from './password.ts';
import { isRole, PERMISSIONS, permissionsOf } from './roles.ts';
import { scopeOfRow } from './scope-spec.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionWithUser,
  findTokenExpiry,
  findTokenWithUser,
  insertSession,
  insertToken,
  listTokens,
  markTokenUsed,
  revokeToken,
  touchSession,
} from './session.repo.ts';
import { SignInThrottle, type ThrottlePolicy } from './sign-in-throttle.ts';
import { findUserByLogin, updateUser } from './user.repo.ts';

export type SessionPolicy = ThrottlePolicy & {
  /** A session ends after this long without a request. */
  idleSeconds: number;
  /** …and this long after sign-in in any case. */
  maxSeconds: number;
};

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleSeconds: 12 * 3600,
  maxSeconds: 7 * 24 * 3600,
  // Three tries free, then 1 s, 2 s, 4 s … up to 15 minutes between tries of one login from one address.
  freeFailures: 3,
  baseDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  // A whole school mistyping is far below 30 failures in 10 minutes; a password sprayer is not.
  failuresPerAddress: 30,
  failuresPerAccount: 20,
  windowSeconds: 10 * 60,
};

const TOKEN_PREFIX = 'pub_';
/** Sessions and tokens record their last use at most this often, so reads stay reads. */
const TOUCH_SECONDS = 60;
/** Credentials held in memory per process. */
const MAX_HELD = 10_000;

type UserRecord = NonNullable<Awaited<ReturnType<typeof findUserByLogin>>>;

type Held = { principal: Principal; version: number; until: number; hardUntil: number; seenAt: number };

export type SignedIn = { cookie: string; csrfToken: string; userId: number; maxAge: number };

export type Sessions = ReturnType<typeof createSessions>;

export function createSessions(
  db: Db,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  clock: Clock = systemClock,
) {
  const throttle = new SignInThrottle(policy);
  const now = () => unixSeconds(clock.now());
  const denied = () => new AppError('UNAUTHENTICATED', 'wrong login or password');

  // Known and unknown logins take one path: the same throttle, a password check against a real hash (a decoy
  // for unknown ones) and the same answers, so neither the status nor the time tells which logins exist.
  async function signIn(
    login: string,
    password: string,
    client: { ip: string; userAgent: string | null; previousCookie?: string },
  ): Promise<SignedIn> {
    const wait = throttle.waitSeconds(login, client.ip, clock.now().getTime());
    if (wait > 0) throw new AppError('RATE_LIMITED', `too many failed sign-ins; try again in ${wait} s`);
    const at = now();
    await deleteExpiredSessions(db, at);
    const user = await findUserByLogin(db, login);
    const ok = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !ok || user.disabled) {
      if (throttle.failed(login, client.ip, clock.now().getTime()))
        await recordAction(
          db,
          { userId: null, login: 'system', ip: client.ip },
          {
            action: 'auth.throttled',
            targetType: user ? 'user' : 'login',
            targetId: user?.id ?? null,
            at,
            details: user ? {} : { login: login.slice(0, 64) },
          },
          placementOf(scopeOfRow(user ?? { region_code: null, municipality_id: null, institution_id: null })),
        );
      throw denied();
    }
    throttle.succeeded(login, client.ip);
    return openSession(user, client, 'password');
  }

  /** A new session for a user who proved who they are (by password or through the identity provider). */
  async function openSession(
    user: UserRecord,
    client: { ip: string; userAgent: string | null; previousCookie?: string },
    method: 'password' | 'oidc',
  ): Promise<SignedIn> {
    const at = now();
    // The session the browser still carried ends: a sign-in never keeps an old or planted session alive.
    if (client.previousCookie) {
      await deleteSession(db, sha256(client.previousCookie));
      await bumpVersion(db, 'auth');
    }
    await updateUser(db, user.id, { last_login_at: at });
    const cookie = randomSecret();
    const csrfToken = randomSecret(24);
    await insertSession(db, {
      id_hash: sha256(cookie),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: at,
      seen_at: at,
      expires_at: at + policy.idleSeconds,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    });
    await recordAction(
      db,
      { userId: user.id, login: user.login, ip: client.ip },
      { action: 'auth.login', targetType: 'user', targetId: user.id, at, details: { method } },
      placementOf(scopeOfRow(user)),
    );
    return { cookie, csrfToken, userId: user.id, maxAge: policy.maxSeconds };
  }

  async function signOut(principal: Principal): Promise<void> {
    if (principal.via === 'session') await deleteSession(db, principal.credential);
    await bumpVersion(db, 'auth');
    await recordAction(
      db,
      actorOf(principal),
      { action: 'auth.logout', targetType: 'user', targetId: principal.userId, at: now() },
      placementOf(principal.scope),
    );
  }

  // Credentials resolved while the auth version stays the same are reused: any sign-out, revocation or change
  // of a user bumps the version in the database and every process rechecks. Expiry is checked on each use.
  const held = new Map<string, Held>();
  const remember = (key: string, entry: Held) => {
    if (held.size >= MAX_HELD) held.delete(held.keys().next().value as string);
    held.set(key, entry);
  };

  const authenticator: Authenticator = {
    async fromSession(cookie, _client, version) {
      const at = now();
      const hash = sha256(cookie);
      const known = version === undefined ? undefined : held.get(`s${hash}`);
      if (known && known.version === version && known.until > at) {
        // Put off (and tried on a later request) while another process holds the write lock.
        const until = Math.min(at + policy.idleSeconds, known.hardUntil);
        if (at - known.seenAt >= TOUCH_SECONDS && (await touchSession(db, hash, at, until))) {
          known.until = until;
          known.seenAt = at;
        }
        return known.principal;
      }
      const row = await findSessionWithUser(db, hash);
      const hardUntil = (row?.created_at ?? 0) + policy.maxSeconds;
      if (!row || row.disabled || row.expires_at <= at || hardUntil <= at) return null;
      let until = row.expires_at;
      let seenAt = row.seen_at;
      const extended = Math.min(at + policy.idleSeconds, hardUntil);
      if (at - row.seen_at >= TOUCH_SECONDS && (await touchSession(db, row.id_hash, at, extended))) {
        until = extended;
        seenAt = at;
      }
      const principal = principalOf(row, {
        via: 'session',
        credential: row.id_hash,
        csrfToken: row.csrf_token,
      });
      if (version !== undefined) remember(`s${hash}`, { principal, version, until, hardUntil, seenAt });
      return principal;
    },
    async fromToken(bearer, version) {
      if (!bearer.startsWith(TOKEN_PREFIX)) return null;
      const at = now();
      const hash = sha256(bearer);
      const known = version === undefined ? undefined : held.get(`t${hash}`);
      if (known && known.version === version && known.until > at) {
        if (
          at - known.seenAt >= TOUCH_SECONDS &&
          (await markTokenUsed(db, Number(known.principal.credential), at))
        )
          known.seenAt = at;
        return known.principal;
      }
      const row = await findTokenWithUser(db, hash);
      if (
        !row ||
        row.disabled ||
        row.revoked_at !== null ||
        (row.expires_at !== null && row.expires_at <= at)
      )
        return null;
      let seenAt = row.last_used_at ?? 0;
      if (at - seenAt >= TOUCH_SECONDS && (await markTokenUsed(db, row.id, at))) seenAt = at;
      const granted = new Set(row.permissions.split(',').filter(Boolean));
      const base = principalOf(row, { via: 'token', credential: String(row.id), csrfToken: null });
      // A token never exceeds its owner's current role: demoting the user narrows the token too.
      const principal = {
        ...base,
        permissions: new Set([...base.permissions].filter((p) => granted.has(p))),
      };
      const until = row.expires_at ?? Number.POSITIVE_INFINITY;
      if (version !== undefined)
        remember(`t${hash}`, { principal, version, until, hardUntil: until, seenAt });
      return principal;
    },
  };

  async function createToken(
    principal: Principal,
    request: { name: string; permissions?: string[]; expiresInDays?: number },
  ) {
    const wanted = request.permissions ?? [...principal.permissions];
    const unknown = wanted.filter(
      (p) => !(PERMISSIONS as readonly string[]).includes(p) || !principal.permissions.has(p),
    );
    if (unknown.length > 0)
      throw new AppError('VALIDATION', `permissions not held by your role: ${unknown.join(', ')}`, [
        { path: 'body.permissions', message: `not held: ${unknown.join(', ')}` },
      ]);
    const at = now();
    const expiresAt = await boundedExpiry(principal, request.expiresInDays, at);
    const token = `${TOKEN_PREFIX}${randomSecret()}`;
    const id = await insertToken(db, {
      user_id: principal.userId,
      name: request.name,
      token_hash: sha256(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      permissions: wanted.join(','),
      created_at: at,
      expires_at: expiresAt,
    });
    await recordAction(
      db,
      actorOf(principal),
      {
        action: 'token.create',
        targetType: 'api_token',
        targetId: id,
        at,
        details: { name: request.name, permissions: wanted },
      },
      placementOf(principal.scope),
    );
    return { id, token };
  }

  /**
   * A token made with a token never outlives it: without a lifetime it ends with its maker, and a longer one
   * is refused. (Its permissions are already within the maker's, which a token principal carries narrowed.)
   */
  async function boundedExpiry(principal: Principal, days: number | undefined, at: number) {
    const wanted = days ? at + days * 86_400 : null;
    if (principal.via !== 'token') return wanted;
    const limit = await findTokenExpiry(db, Number(principal.credential));
    if (limit === undefined) throw new AppError('UNAUTHENTICATED', 'this token no longer exists');
    if (limit === null) return wanted;
    if (wanted === null) return limit;
    if (wanted > limit)
      throw new AppError('VALIDATION', 'a token cannot outlive the token that creates it', [
        { path: 'body.expiresInDays', message: `at most ${Math.floor((limit - at) / 86_400)} days` },
      ]);
    return wanted;
  }

  async function revoke(principal: Principal, id: number): Promise<void> {
    const at = now();
    if (!(await revokeToken(db, principal.userId, id, at)))
      throw new AppError('NOT_FOUND', `no live token ${id}`);
    await bumpVersion(db, 'auth');
    await recordAction(
      db,
      actorOf(principal),
      { action: 'token.revoke', targetType: 'api_token', targetId: id, at },
      placementOf(principal.scope),
    );
  }

  return {
    signIn,
    openSession,
    signOut,
    authenticator,
    createToken,
    revokeToken: revoke,
    listTokens: (principal: Principal) => listTokens(db, principal.userId),
  };
}

type PrincipalRow = {
  user_id: number;
  login: string;
  role: Role;
  region_code: string | null;
  municipality_id: number | null;
  institution_id: number | null;
};

function principalOf(row: PrincipalRow, how: Pick<Principal, 'via' | 'credential' | 'csrfToken'>): Principal {
  const role = isRole(row.role) ? row.role : null;
  return {
    userId: row.user_id,
    login: row.login,
    role: row.role,
    scope: scopeOfRow(row),
    permissions: role ? permissionsOf(role) : new Set(),
    ...how,
  };
}

export function actorOf(principal: Principal, ip?: string): Actor {
  return { userId: principal.userId, login: principal.login, ip: ip ?? null };
}
