// Sessions and headers against what a hostile page or network can try: a planted or old session is never kept
// by a sign-in (fixation), cookies carry HttpOnly, SameSite and — behind TLS — Secure, a write needs the CSRF
// token of its own session, and every response carries a CSP that allows no inline script and no framing,
// with HSTS when served over TLS.
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsers } from '../../src/auth/index.ts';
import { CONSOLE_ACTOR } from '../../src/platform/audit-log.ts';
import type { App } from '../../src/platform/http/server.ts';
import { COUNTRY } from '../../src/platform/scope.ts';
import { buildTestApp, PASSWORD } from '../api.ts';
import { type FreshDb, freshSqlite, tempDir } from '../db.ts';

const COOKIE = 'publica_session';
const ROUTES = ['/', '/healthz', '/api/regions', '/api/docs', '/api/docs/json', '/api/auth/me', '/nope'];

// A stand-in for web/dist: an index page and one hashed asset.
const fixtureWeb = tempDir('publica-web-');
fs.writeFileSync(path.join(fixtureWeb, 'index.html'), '<!doctype html><div id="root"></div>');
fs.mkdirSync(path.join(fixtureWeb, 'assets'));
fs.writeFileSync(path.join(fixtureWeb, 'assets', 'app.js'), 'console.log(1)');

describe('sessions and security headers', () => {
  let fresh: FreshDb;
  let plain: App;
  let tls: App;

  beforeAll(async () => {
    fresh = await freshSqlite();
    await createUsers(fresh.db).add(
      { ...CONSOLE_ACTOR, scope: COUNTRY },
      { login: 'alice', role: 'federal', scope: { level: 'country' }, password: PASSWORD },
    );
    plain = await buildTestApp(fresh.db);
    tls = await buildTestApp(fresh.db, {}, { PUBLICA_BEHIND_PROXY: '1' });
  });
  afterAll(async () => {
    await plain?.close();
    await tls?.close();
    await fresh?.dispose();
  });

  const login = (app: App, cookie?: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'alice', password: PASSWORD },
      headers: { ...headers, ...(cookie ? { cookie: `${COOKIE}=${cookie}` } : {}) },
    });
  const sessionOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === COOKIE);
  const me = (cookie: string) =>
    plain.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${COOKIE}=${cookie}` } });

  it('never adopts a planted session id, and ends the session a browser had when it signs in again', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const first = await login(plain, planted);
    expect(first.statusCode).toBe(200);
    const mine = sessionOf(first)?.value ?? '';
    expect(mine).not.toBe(planted);
    expect((await me(planted)).statusCode).toBe(401);
    expect((await me(mine)).statusCode).toBe(200);

    // Signing in again from a browser that holds a session: a new id, and the old one no longer works.
    const again = await login(plain, mine);
    const renewed = sessionOf(again)?.value ?? '';
    expect(renewed).not.toBe(mine);
    expect((await me(mine)).statusCode).toBe(401);
    expect((await me(renewed)).statusCode).toBe(200);
  });

  it('marks the session cookie HttpOnly and SameSite, and Secure when served over TLS', async () => {
    const overHttp = sessionOf(await login(plain));
    expect(overHttp).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(overHttp?.secure).toBeFalsy();
    const overTls = sessionOf(await login(tls, undefined, { 'x-forwarded-proto': 'https' }));
    expect(overTls).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
  });

  it("refuses a write that carries another session's CSRF token, or none", async () => {
    const a = await login(plain);
    const b = await login(plain);
    const write = (csrf?: string) =>
      plain.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: `${COOKIE}=${sessionOf(a)?.value}`, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      });
    expect((await write()).statusCode).toBe(403);
    expect((await write(b.json().csrfToken)).statusCode).toBe(403);
    expect((await write(a.json().csrfToken)).statusCode).toBe(200);
  });

  it('sends a CSP without inline script or framing on every route, and HSTS only over TLS', async () => {
    for (const [app, overTls] of [
      [plain, false],
      [tls, true],
    ] as const)
      for (const url of ROUTES) {
        const res = await app.inject({ method: 'GET', url, headers: { 'x-forwarded-proto': 'https' } });
        const csp = String(res.headers['content-security-policy']);
        const directive = (name: string) =>
          csp
            .split(';')
            .map((d) => d.trim())
            .find((d) => d.startsWith(`${name} `)) ?? '';
        expect(directive('frame-ancestors'), url).toBe("frame-ancestors 'none'");
        expect(directive('script-src'), url).toMatch(/^script-src 'self'\s*$/);
        expect(directive('object-src'), url).toBe("object-src 'none'");
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['referrer-policy'], url).toBe('no-referrer');
        if (overTls) {
          expect(res.headers['strict-transport-security'], url).toMatch(/max-age=31536000/);
          expect(csp, url).toContain('upgrade-insecure-requests');
        } else {
          expect(res.headers['strict-transport-security'], url).toBeUndefined();
          expect(csp, url).not.toContain('upgrade-insecure-requests');
        }
      }
  });

  it('serves the web app for paths outside the API, never a file outside its folder, and JSON 404s inside', async () => {
    const app = await buildTestApp(fresh.db, { webRoot: fixtureWeb });
    try {
      const page = await app.inject({ method: 'GET', url: '/units/region/77?sort=score' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['cache-control']).toBe('no-cache');
      const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
      for (const url of [
        '/../package.json',
        '/%2e%2e/package.json',
        '/assets/../../package.json',
        '/%E0%A4%A',
      ])
        expect((await app.inject({ method: 'GET', url })).body, url).not.toContain('"name": "publica"');
      // A malformed escape is the client's error (Fastify answers 400 before routing), never a server error.
      expect((await app.inject({ method: 'GET', url: '/%E0%A4%A' })).statusCode).toBe(400);
      const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('NOT_FOUND');
    } finally {
      await app.close();
    }
  });
});
