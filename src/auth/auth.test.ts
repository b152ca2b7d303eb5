import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, buildTestApp, PASSWORD } from '../../test/api.ts';
import { describeEachDialect } from '../../test/db.ts';

const get = (url: string) => ({ method: 'GET' as const, url });

describeEachDialect(
  'accounts, sessions and tokens over HTTP',
  (ctx) => {
    let w: ApiWorld;
    let made = 0;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 40 });
    }, 120_000);
    afterAll(() => w?.close());

    /** A fresh institution-level user made by the region admin, so tests do not share lock or session state. */
    async function newUser(role = 'institution_viewer') {
      const login = `user-${++made}`;
      const res = await w.as('region', {
        method: 'POST',
        url: '/api/users',
        payload: {
          login,
          role,
          scope: { level: 'institution', institutionId: w.a.institutionId },
          password: PASSWORD,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return { login, id: res.json().user.id as number };
    }

    const login = (name: string, password: string) =>
      w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: name, password } });

    it('signs in with an HTTP-only SameSite cookie stored only as a hash, and signs out', async () => {
      const user = await newUser();
      const res = await login(user.login, PASSWORD);
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'publica_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(res.json()).toMatchObject({ login: user.login, role: 'institution_viewer', via: 'session' });
      const value = cookie?.value ?? '';
      const stored = await ctx.db.kysely.selectFrom('sessions').select('id_hash').execute();
      expect(stored.map((s) => s.id_hash)).not.toContain(value);
      const headers = { cookie: `publica_session=${value}`, 'x-csrf-token': res.json().csrfToken };
      expect((await w.app.inject({ ...get('/api/auth/me'), headers })).statusCode).toBe(200);
      const out = await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
      expect(out.statusCode).toBe(200);
      expect(out.cookies.find((c) => c.name === 'publica_session')?.value).toBe('');
      expect((await w.app.inject({ ...get('/api/auth/me'), headers })).statusCode).toBe(401);
    });

    it('answers a wrong password and an unknown login alike', async () => {
      const user = await newUser();
      const wrong = await login(user.login, 'not-the-password');
      const unknown = await login('no-such-user', 'not-the-password');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
    });

    /** A web app whose clock the test moves; sign-ins from a chosen client address. */
    async function clocked(policy: Record<string, number> = {}) {
      const clock = {
        at: new Date('2026-11-29T10:00:00Z'),
        now() {
          return new Date(this.at);
        },
        advance(seconds: number) {
          this.at = new Date(this.at.getTime() + seconds * 1000);
        },
      };
      const app = await buildTestApp(ctx.db, { clock, sessionPolicy: policy });
      const from = (address: string, name: string, password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: name, password },
          remoteAddress: address,
        });
      return { app, clock, from };
    }

    it('never locks an account: failures delay only that login from that address, doubling, and a success clears them', async () => {
      const { app, clock, from } = await clocked();
      const user = await newUser();
      const attacker = '198.51.100.7';
      const statuses = async (name: string) => {
        const seen: number[] = [];
        for (let i = 0; i < 5; i++) seen.push((await from(attacker, name, 'wrong-password-x')).statusCode);
        return seen;
      };
      // Three tries free, a fourth that starts a 1 s delay, then "wait": for a known and an unknown login alike.
      const known = await statuses(user.login);
      expect(known).toEqual([401, 401, 401, 401, 429]);
      expect(await statuses('nobody-at-all')).toEqual(known);
      const waiting = await from(attacker, user.login, PASSWORD);
      expect(waiting.statusCode).toBe(429);
      expect(waiting.json()).toEqual((await from(attacker, 'nobody-at-all', PASSWORD)).json());
      // The owner, elsewhere, is not slowed at all.
      expect((await from('203.0.113.9', user.login, PASSWORD)).statusCode).toBe(200);
      // The delay doubles with each failure: 1 s, then 2 s.
      clock.advance(1);
      expect((await from(attacker, user.login, 'wrong-password-x')).statusCode).toBe(401);
      clock.advance(1);
      expect((await from(attacker, user.login, PASSWORD)).statusCode).toBe(429);
      clock.advance(1);
      expect((await from(attacker, user.login, PASSWORD)).statusCode).toBe(200);
      // A success clears the delays of that login from that address.
      expect((await from(attacker, user.login, 'wrong-password-x')).statusCode).toBe(401);
      expect((await from(attacker, user.login, 'wrong-password-x')).statusCode).toBe(401);
      const listed = await w.as('region', get(`/api/users/${user.id}`));
      expect(listed.json().locked).toBe(false);
      const log = (await w.as('federal', get('/api/audit-log?action=auth.throttled&size=100'))).json();
      expect(log.items.some((e: { targetId: string }) => e.targetId === String(user.id))).toBe(true);
      await app.close();
    });

    it('counts failures, not sign-ins, per address: a school behind one address signs in all day', async () => {
      const { app, clock, from } = await clocked({ failuresPerAddress: 3 });
      const school = '192.0.2.50';
      const users = [await newUser(), await newUser(), await newUser()];
      for (let i = 0; i < 12; i++) {
        const res = await from(school, (users[i % 3] as { login: string }).login, PASSWORD);
        expect(res.statusCode).toBe(200);
      }
      for (const name of ['sprayed-1', 'sprayed-2', 'sprayed-3'])
        expect((await from(school, name, 'guess-1234567')).statusCode).toBe(401);
      // Three failures from the address in the window: it waits out the window, whatever the login.
      expect((await from(school, (users[0] as { login: string }).login, PASSWORD)).statusCode).toBe(429);
      expect((await from('192.0.2.51', (users[0] as { login: string }).login, PASSWORD)).statusCode).toBe(
        200,
      );
      clock.advance(10 * 60);
      expect((await from(school, (users[0] as { login: string }).login, PASSWORD)).statusCode).toBe(200);
      await app.close();
    });

    it('starts delays at the first failure from every address once an account fails from many', async () => {
      const { app, from } = await clocked({ failuresPerAccount: 4 });
      const user = await newUser();
      for (let i = 1; i <= 4; i++)
        expect((await from(`198.51.100.${i}`, user.login, 'guess-1234567')).statusCode).toBe(401);
      // A fifth address gets one try, then waits; a clean address of the owner still signs in at once.
      expect((await from('198.51.100.5', user.login, 'guess-1234567')).statusCode).toBe(401);
      expect((await from('198.51.100.5', user.login, 'guess-1234567')).statusCode).toBe(429);
      expect((await from('203.0.113.10', user.login, PASSWORD)).statusCode).toBe(200);
      await app.close();
    });

    it('spends as long on an unknown login as on a wrong password', async () => {
      const user = await newUser();
      const { app, from } = await clocked();
      const time = async (name: string, address: string) => {
        const started = process.hrtime.bigint();
        expect((await from(address, name, 'wrong-password-x')).statusCode).toBe(401);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 8; i++) {
        known.push(await time(user.login, `10.1.0.${i}`));
        unknown.push(await time(`ghost-${i}`, `10.2.0.${i}`));
      }
      // The fastest of each: another test's load only ever adds time, so the minimum is the path's own cost.
      const fastest = (xs: number[]) => Math.min(...xs);
      // Both run argon2: the unknown one against a decoy hash. (Before, a locked account answered in 3 ms.)
      expect(fastest(unknown)).toBeGreaterThan(fastest(known) * 0.5);
      expect(fastest(known)).toBeGreaterThan(fastest(unknown) * 0.5);
      await app.close();
    });

    it('ends the sessions of a user whose password an admin resets, and the old password', async () => {
      const user = await newUser();
      const before = await w.signIn(user.login);
      const reset = await w.as('region', {
        method: 'POST',
        url: `/api/users/${user.id}/password`,
        payload: {},
      });
      expect(reset.statusCode).toBe(200);
      const generated = reset.json().password as string;
      expect(generated).toHaveLength(16);
      expect((await login(user.login, PASSWORD)).statusCode).toBe(401);
      expect((await login(user.login, generated)).statusCode).toBe(200);
      const old = await w.app.inject({ ...get('/api/auth/me'), headers: { cookie: before.cookie } });
      expect(old.statusCode).toBe(401);
    });

    it('ends a session after its idle time', async () => {
      const clock = {
        at: new Date('2026-11-29T10:00:00Z'),
        now() {
          return new Date(this.at);
        },
      };
      const app = await buildTestApp(ctx.db, { clock, sessionPolicy: { idleSeconds: 3600 } });
      const user = await newUser();
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: user.login, password: PASSWORD },
      });
      const headers = { cookie: `publica_session=${res.cookies[0]?.value}` };
      clock.at = new Date('2026-11-29T10:50:00Z');
      expect((await app.inject({ ...get('/api/auth/me'), headers })).statusCode).toBe(200);
      // Each request extends the idle window: 50 minutes later still signed in, then 61 minutes of silence end it.
      clock.at = new Date('2026-11-29T11:40:00Z');
      expect((await app.inject({ ...get('/api/auth/me'), headers })).statusCode).toBe(200);
      clock.at = new Date('2026-11-29T12:41:00Z');
      expect((await app.inject({ ...get('/api/auth/me'), headers })).statusCode).toBe(401);
      await app.close();
    });

    it('refuses cookie-authenticated writes without the session’s CSRF token', async () => {
      const s = await w.signIn(w.users.region.login);
      const post = (headers: Record<string, string>) =>
        w.app.inject({
          method: 'POST',
          url: '/api/tokens',
          payload: { name: 'csrf' },
          headers: { cookie: s.cookie, ...headers },
        });
      const missing = await post({});
      expect(missing.statusCode).toBe(403);
      expect(missing.json().error.code).toBe('CSRF');
      expect((await post({ 'x-csrf-token': 'forged' })).statusCode).toBe(403);
      const other = await w.signIn(w.users.federal.login);
      expect((await post({ 'x-csrf-token': other.csrf })).statusCode).toBe(403);
      expect((await post({ 'x-csrf-token': s.csrf })).statusCode).toBe(200);
      // Reads need no token.
      expect((await w.app.inject({ ...get('/api/auth/me'), headers: { cookie: s.cookie } })).statusCode).toBe(
        200,
      );
    });

    it('authenticates API tokens by their permissions, stores only hashes, and honours revocation', async () => {
      const made = await w.as('region', {
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'dashboard', permissions: ['data.read'] },
      });
      expect(made.statusCode).toBe(200);
      const { token, id } = made.json() as { token: string; id: number };
      expect(token).toMatch(/^pub_/);
      const rows = await ctx.db.kysely.selectFrom('api_tokens').select(['token_hash', 'prefix']).execute();
      expect(rows.some((r) => r.token_hash === token)).toBe(false);
      const bearer = { authorization: `Bearer ${token}` };
      const pages = await w.app.inject({ ...get('/api/pages?size=5'), headers: bearer });
      expect(pages.statusCode).toBe(200);
      for (const p of pages.json().items) expect(p.institution.regionCode).toBe(w.a.regionCode);
      expect(
        (await w.app.inject({ ...get(`/api/pages/${w.a.pageId}/comments`), headers: bearer })).statusCode,
      ).toBe(403);
      expect((await w.app.inject({ ...get('/api/users'), headers: bearer })).statusCode).toBe(403);
      // Tokens are not sent by browsers on their own: writes with a token need no CSRF header.
      const write = await w.app.inject({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'x' },
        headers: bearer,
      });
      expect(write.statusCode).toBe(403);
      const listed = (await w.as('region', get('/api/tokens'))).json();
      expect(listed.items.find((t: { id: number }) => t.id === id)).toMatchObject({
        name: 'dashboard',
        permissions: ['data.read'],
      });
      expect(JSON.stringify(listed)).not.toContain(token);
      expect((await w.as('region', { method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(200);
      expect((await w.app.inject({ ...get('/api/pages'), headers: bearer })).statusCode).toBe(401);
      expect(
        (await w.app.inject({ ...get('/api/pages'), headers: { authorization: 'Bearer pub_guess' } }))
          .statusCode,
      ).toBe(401);
      expect(
        (await w.app.inject({ ...get('/api/pages'), headers: { authorization: 'Basic abc' } })).statusCode,
      ).toBe(401);
    });

    it('stops a token revoked or a user disabled through one web process in every other at once', async () => {
      const other = await buildTestApp(ctx.db);
      const user = await newUser();
      const s = await w.signIn(user.login);
      const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
      const { token, id } = (
        await w.app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers,
          payload: { name: 'two processes' },
        })
      ).json();
      const bearer = { authorization: `Bearer ${token}` };
      // Both processes have resolved (and hold) the token and the session.
      expect((await other.inject({ ...get('/api/auth/me'), headers: bearer })).statusCode).toBe(200);
      expect((await other.inject({ ...get('/api/auth/me'), headers })).statusCode).toBe(200);
      await w.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers });
      expect((await other.inject({ ...get('/api/auth/me'), headers: bearer })).statusCode).toBe(401);
      expect((await other.inject({ ...get('/api/auth/me'), headers })).statusCode).toBe(200);
      await w.as('region', { method: 'PATCH', url: `/api/users/${user.id}`, payload: { disabled: true } });
      expect((await other.inject({ ...get('/api/auth/me'), headers })).statusCode).toBe(401);
      await other.close();
    });

    it('refuses tokens with permissions the role lacks, and a disabled user’s tokens and sessions stop working', async () => {
      const user = await newUser('institution');
      const s = await w.signIn(user.login);
      const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
      const tooMuch = await w.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers,
        payload: { name: 't', permissions: ['users.manage'] },
      });
      expect(tooMuch.statusCode).toBe(400);
      expect(tooMuch.json().error.details[0].path).toBe('body.permissions');
      const token = (
        await w.app.inject({ method: 'POST', url: '/api/tokens', headers, payload: { name: 't' } })
      ).json().token;
      expect(
        (await w.app.inject({ ...get('/api/auth/me'), headers: { authorization: `Bearer ${token}` } }))
          .statusCode,
      ).toBe(200);
      const disabled = await w.as('municipality', {
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        payload: { disabled: true },
      });
      expect(disabled.json()).toMatchObject({ disabled: true });
      expect(
        (await w.app.inject({ ...get('/api/auth/me'), headers: { authorization: `Bearer ${token}` } }))
          .statusCode,
      ).toBe(401);
      expect((await w.app.inject({ ...get('/api/auth/me'), headers })).statusCode).toBe(401);
      expect((await login(user.login, PASSWORD)).statusCode).toBe(401);
    });

    /** A token of a fresh user, made through their session. */
    async function tokenOf(user: { login: string }, payload: object = { name: 't' }) {
      const s = await w.signIn(user.login);
      const res = await w.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { id: number; token: string };
    }
    const meWith = async (token: string) =>
      (await w.app.inject({ ...get('/api/auth/me'), headers: { authorization: `Bearer ${token}` } }))
        .statusCode;

    it('ends a user’s API tokens when an admin resets the password, and when a user is disabled then enabled', async () => {
      const reset = await newUser();
      const first = await tokenOf(reset);
      expect(await meWith(first.token)).toBe(200);
      await w.as('region', { method: 'POST', url: `/api/users/${reset.id}/password`, payload: {} });
      expect(await meWith(first.token)).toBe(401);

      const toggled = await newUser();
      const second = await tokenOf(toggled);
      const patch = (disabled: boolean) =>
        w.as('region', { method: 'PATCH', url: `/api/users/${toggled.id}`, payload: { disabled } });
      expect((await patch(true)).statusCode).toBe(200);
      expect((await patch(false)).statusCode).toBe(200);
      expect(await meWith(second.token)).toBe(401);
      const listed = (await w.as('region', get(`/api/users/${toggled.id}/tokens`))).json();
      expect(listed.items[0]).toMatchObject({ id: second.id });
      expect(listed.items[0].revokedAt).not.toBeNull();
    });

    it('never lets a token create a longer-lived or wider token', async () => {
      const user = await newUser('institution');
      const { token } = await tokenOf(user, {
        name: 'one day',
        permissions: ['tokens.manage', 'data.read'],
        expiresInDays: 1,
      });
      const make = (payload: object) =>
        w.app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: { authorization: `Bearer ${token}` },
          payload,
        });
      const forever = await make({ name: 'no expiry' });
      expect(forever.statusCode, forever.body).toBe(200);
      const longer = await make({ name: 'a month', expiresInDays: 30 });
      expect(longer.statusCode).toBe(400);
      expect(longer.json().error.details[0].path).toBe('body.expiresInDays');
      const wider = await make({ name: 'wider', permissions: ['comments.answer'] });
      expect(wider.statusCode).toBe(400);
      expect(wider.json().error.details[0].path).toBe('body.permissions');
      const rows = await ctx.db.kysely
        .selectFrom('api_tokens')
        .select(['name', 'expires_at', 'permissions'])
        .where('user_id', '=', user.id)
        .execute();
      const parent = rows.find((r) => r.name === 'one day');
      const child = rows.find((r) => r.name === 'no expiry');
      expect(child?.expires_at).not.toBeNull();
      expect(child?.expires_at).toBeLessThanOrEqual(parent?.expires_at ?? 0);
      expect(child?.permissions.split(',').sort()).toEqual(['data.read', 'tokens.manage']);
    });

    it('lets an admin list and revoke the API tokens of users in their scope only', async () => {
      const user = await newUser();
      const { id, token } = await tokenOf(user);
      const listed = await w.as('municipality', get(`/api/users/${user.id}/tokens`));
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items.map((t: { id: number }) => t.id)).toEqual([id]);
      expect(listed.body).not.toContain(token);
      expect((await w.as('region', get(`/api/users/${w.victims.b}/tokens`))).statusCode).toBe(404);
      const revoke = (role: 'municipality' | 'region', userId: number, tokenId: number) =>
        w.as(role, { method: 'DELETE', url: `/api/users/${userId}/tokens/${tokenId}` });
      // Somebody else's token id under this user is "no such token".
      expect((await revoke('region', w.victims.a, id)).statusCode).toBe(404);
      expect((await revoke('municipality', user.id, id)).statusCode).toBe(200);
      expect(await meWith(token)).toBe(401);
      expect((await revoke('municipality', user.id, id)).statusCode).toBe(404);
      const log = (await w.as('region', get('/api/audit-log?action=token.revoke'))).json();
      expect(log.items.some((e: { targetId: string }) => e.targetId === String(id))).toBe(true);
    });

    it('lets only a higher level reset, disable, re-role or revoke tokens of an admin', async () => {
      const peer = await w.as('federal', {
        method: 'POST',
        url: '/api/users',
        payload: {
          login: `peer-${++made}`,
          role: 'region',
          scope: { level: 'region', regionCode: w.a.regionCode },
          password: PASSWORD,
        },
      });
      expect(peer.statusCode, peer.body).toBe(200);
      const peerId = peer.json().user.id as number;
      const { id: tokenId } = await tokenOf(peer.json().user);
      const byRegion = (options: Parameters<typeof w.as>[1]) => w.as('region', options);
      const reset = await byRegion({
        method: 'POST',
        url: `/api/users/${peerId}/password`,
        payload: { password: 'taken-over-1234' },
      });
      expect(reset.statusCode).toBe(403);
      expect((await login(peer.json().user.login, 'taken-over-1234')).statusCode).toBe(401);
      for (const payload of [{ disabled: true }, { role: 'region_viewer' }])
        expect((await byRegion({ method: 'PATCH', url: `/api/users/${peerId}`, payload })).statusCode).toBe(
          403,
        );
      expect(
        (await byRegion({ method: 'DELETE', url: `/api/users/${peerId}/tokens/${tokenId}` })).statusCode,
      ).toBe(403);
      // A region admin still manages the municipality admins below; the federal admin manages region admins.
      expect(
        (
          await byRegion({
            method: 'PATCH',
            url: `/api/users/${w.users.municipality.id}`,
            payload: { displayName: 'Муниципальный администратор' },
          })
        ).statusCode,
      ).toBe(200);
      const federal = await w.as('federal', {
        method: 'POST',
        url: `/api/users/${peerId}/password`,
        payload: {},
      });
      expect(federal.statusCode).toBe(200);
    });

    it('lets admins grant only roles and scopes within their own, and never change themselves', async () => {
      const create = (role: string, scope: object) =>
        w.as('region', {
          method: 'POST',
          url: '/api/users',
          payload: { login: `g-${++made}`, role, scope, password: PASSWORD },
        });
      expect((await create('federal', { level: 'country' })).statusCode).toBe(403);
      expect((await create('region', { level: 'region', regionCode: w.b.regionCode })).statusCode).toBe(404);
      expect(
        (await create('municipality', { level: 'municipality', municipalityId: w.b.municipalityId }))
          .statusCode,
      ).toBe(404);
      const wrongLevel = await create('municipality', { level: 'region', regionCode: w.a.regionCode });
      expect(wrongLevel.statusCode).toBe(400);
      expect(wrongLevel.json().error.details[0].path).toBe('body.scope.level');
      expect((await create('trainer', { level: 'region', regionCode: w.a.regionCode })).statusCode).toBe(200);
      const taken = await w.as('region', {
        method: 'POST',
        url: '/api/users',
        payload: {
          login: 'victim-a',
          role: 'institution',
          scope: { level: 'institution', institutionId: w.a.institutionId },
        },
      });
      expect(taken.statusCode).toBe(409);
      const self = await w.as('region', {
        method: 'PATCH',
        url: `/api/users/${w.users.region.id}`,
        payload: { role: 'region_viewer' },
      });
      expect(self.statusCode).toBe(403);
      const municipalOverRegion = await w.as('municipality', {
        method: 'PATCH',
        url: `/api/users/${w.users.trainer.id}`,
        payload: { displayName: 'x' },
      });
      expect(municipalOverRegion.statusCode).toBe(404);
      const log = (await w.as('region', get('/api/audit-log?action=user.create'))).json();
      expect(log.items.length).toBeGreaterThan(0);
      expect(log.items[0]).toMatchObject({ actor: 'region-a', targetType: 'user' });
    });
  },
  { shared: true },
);
