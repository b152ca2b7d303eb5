// A request signed with a session or a token never waits for another process's write lock: its "last seen"
// is put off and written by a later request. better-sqlite3 is synchronous, so on SQLite a wait would stop the
// whole web process for as long as a worker's transaction lasts (the soak's slow tail).
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DbContext, describeEachDialect, type FreshDb, freshSqlite } from '../../test/db.ts';
import { CONSOLE_ACTOR } from '../platform/audit-log.ts';
import { COUNTRY } from '../platform/scope.ts';
import { createSessions, DEFAULT_SESSION_POLICY } from './sessions.service.ts';
import { createUsers } from './users.service.ts';

const PASSWORD = 'touch-password-1';
const client = { ip: '127.0.0.1', userAgent: null };

async function signedIn(ctx: Pick<DbContext, 'db'>) {
  let at = new Date('2026-11-29T08:00:00Z').getTime();
  const clock = { now: () => new Date(at) };
  const later = (seconds: number) => {
    at += seconds * 1000;
  };
  await createUsers(ctx.db, clock).add(
    { ...CONSOLE_ACTOR, scope: COUNTRY },
    { login: 'touched', role: 'federal_viewer', scope: { level: 'country' }, password: PASSWORD },
  );
  const sessions = createSessions(ctx.db, DEFAULT_SESSION_POLICY, clock);
  const { cookie } = await sessions.signIn('touched', PASSWORD, client);
  const principal = await sessions.authenticator.fromSession(cookie, client);
  if (!principal) throw new Error('no session');
  const { token } = await sessions.createToken(principal, { name: 'reader' });
  return { sessions, cookie, token, later, seconds: () => Math.floor(at / 1000) };
}

async function seen(ctx: Pick<DbContext, 'db'>) {
  const token = await ctx.db.kysely.selectFrom('api_tokens').select('last_used_at').executeTakeFirstOrThrow();
  const session = await ctx.db.kysely.selectFrom('sessions').select('seen_at').executeTakeFirstOrThrow();
  return { token: token.last_used_at, session: session.seen_at };
}

describeEachDialect('last seen of sessions and tokens', (ctx) => {
  it('records a use a minute after the last one', async () => {
    const s = await signedIn(ctx);
    s.later(120);
    expect(await s.sessions.authenticator.fromToken(s.token)).not.toBeNull();
    expect(await s.sessions.authenticator.fromSession(s.cookie, client)).not.toBeNull();
    expect(await seen(ctx)).toEqual({ token: s.seconds(), session: s.seconds() });
  });
});

describe('last seen on SQLite while a worker writes', () => {
  let fresh: FreshDb;
  beforeEach(async () => {
    fresh = await freshSqlite();
  });
  afterEach(() => fresh.dispose());

  it('answers at once while another connection holds the write lock, and records the use afterwards', async () => {
    const s = await signedIn(fresh);
    const before = await seen(fresh);
    const other = new SQLite(fresh.url);
    other.exec('BEGIN IMMEDIATE');
    try {
      s.later(120);
      const started = performance.now();
      expect(await s.sessions.authenticator.fromToken(s.token)).not.toBeNull();
      expect(await s.sessions.authenticator.fromSession(s.cookie, client)).not.toBeNull();
      // The busy timeout is 5 s: far below it means nothing waited for the lock.
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect(await seen(fresh)).toEqual(before);
    expect(await s.sessions.authenticator.fromToken(s.token)).not.toBeNull();
    expect(await s.sessions.authenticator.fromSession(s.cookie, client)).not.toBeNull();
    expect(await seen(fresh)).toEqual({ token: s.seconds(), session: s.seconds() });
  });
});
