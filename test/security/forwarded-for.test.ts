// X-Forwarded-For from a client that connects directly is never believed: rotating it neither escapes the
// sign-in delays nor writes a chosen address into the audit log. Only the configured proxy hop is trusted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsers } from '../../src/auth/index.ts';
import { CONSOLE_ACTOR } from '../../src/platform/audit-log.ts';
import { loadConfig, parseTrustProxy } from '../../src/platform/config.ts';
import type { App } from '../../src/platform/http/server.ts';
import { COUNTRY } from '../../src/platform/scope.ts';
import { buildTestApp, PASSWORD } from '../api.ts';
import { type FreshDb, freshSqlite } from '../db.ts';

const CLIENT = '203.0.113.77';
const PROXY = '10.0.0.5';

describe('X-Forwarded-For', () => {
  let fresh: FreshDb;
  const apps: App[] = [];
  beforeAll(async () => {
    fresh = await freshSqlite();
    const users = createUsers(fresh.db);
    for (const login of ['bob', 'carol', 'dave'])
      await users.add(
        { ...CONSOLE_ACTOR, scope: COUNTRY },
        { login, role: 'federal_viewer', scope: { level: 'country' }, password: PASSWORD },
      );
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await fresh?.dispose();
  });

  async function app(env: Record<string, string>) {
    const built = await buildTestApp(fresh.db, {}, env);
    apps.push(built);
    return built;
  }
  const signIn = (on: App, login: string, password: string, remoteAddress: string, forwarded?: string) =>
    on.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password },
      remoteAddress,
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    });
  const lastLoginIp = async (login: string) => {
    const row = await fresh.db.kysely
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'auth.login')
      .where('target_id', '=', String((await users(login)).id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return row.ip;
  };
  const users = (login: string) =>
    fresh.db.kysely.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow();

  it('behind the proxy setting, a direct client rotating X-Forwarded-For keeps its own address', async () => {
    const behind = await app({ PUBLICA_BEHIND_PROXY: '1' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await signIn(behind, 'bob', 'wrong-password-x', CLIENT, `198.18.0.${i}`)).statusCode);
    // Three free failures, a fourth that starts the delay, then waiting: one address, whatever the header says.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    expect((await signIn(behind, 'carol', PASSWORD, CLIENT, '1.2.3.4')).statusCode).toBe(200);
    expect(await lastLoginIp('carol')).toBe(CLIENT);
  });

  it('trusts only the configured proxy: its last hop is the client, anything a client adds is not', async () => {
    const byAddress = await app({ PUBLICA_BEHIND_PROXY: '1', PUBLICA_TRUST_PROXY: PROXY });
    expect((await signIn(byAddress, 'dave', PASSWORD, PROXY, `1.2.3.4, ${CLIENT}`)).statusCode).toBe(200);
    expect(await lastLoginIp('dave')).toBe(CLIENT);
    // Straight to the app, not through the proxy: the header is ignored.
    expect((await signIn(byAddress, 'dave', PASSWORD, CLIENT, '1.2.3.4')).statusCode).toBe(200);
    expect(await lastLoginIp('dave')).toBe(CLIENT);
    const oneHop = await app({ PUBLICA_TRUST_PROXY: '1' });
    expect((await signIn(oneHop, 'carol', PASSWORD, PROXY, `9.9.9.9, ${CLIENT}`)).statusCode).toBe(200);
    expect(await lastLoginIp('carol')).toBe(CLIENT);
  });

  it('reads PUBLICA_TRUST_PROXY as hops or addresses, and refuses "all" and junk', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    for (const bad of ['true', '0', '11', '10.0.0.0/33', 'proxy.local'])
      expect(parseTrustProxy(bad), bad).toBeNull();
    expect(() => loadConfig({ PUBLICA_TRUST_PROXY: 'true' })).toThrow(/PUBLICA_TRUST_PROXY/);
  });
});
