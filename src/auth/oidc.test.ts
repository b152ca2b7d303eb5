import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, buildTestApp } from '../../test/api.ts';
import { describeEachDialect } from '../../test/db.ts';
import { startTestProvider } from '../../test/oidc-provider.ts';
import type { App } from '../platform/http/server.ts';

const CLIENT = { id: 'publica', secret: 'client-secret-1' };
const REDIRECT = 'http://publica.test/api/auth/oidc/callback';

describeEachDialect(
  'sign-in through an OpenID Connect provider',
  (ctx) => {
    let w: ApiWorld;
    let app: App;
    let idp: Awaited<ReturnType<typeof startTestProvider>>;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 20 });
      idp = await startTestProvider(CLIENT);
      app = await buildTestApp(ctx.db, {
        oidc: {
          issuer: idp.issuer,
          clientId: CLIENT.id,
          clientSecret: CLIENT.secret,
          redirectUrl: REDIRECT,
          allowHttp: true,
        },
      });
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await idp?.close();
      await w?.close();
    });

    /** The browser's round trip: to the provider and back to the callback, carrying the pending cookie. */
    async function roundTrip(tamper?: (callback: URL) => void) {
      const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
      expect(start.statusCode).toBe(302);
      const location = new URL(String(start.headers.location));
      expect(location.origin).toBe(idp.issuer);
      expect(location.searchParams.get('code_challenge_method')).toBe('S256');
      const pending = start.cookies.find((c) => c.name === 'publica_oidc');
      expect(pending).toMatchObject({ httpOnly: true });
      const back = await fetch(location, { redirect: 'manual' });
      const callback = new URL(String(back.headers.get('location')));
      tamper?.(callback);
      return app.inject({
        method: 'GET',
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: `publica_oidc=${pending?.value}` },
      });
    }

    it('signs in an account whose login is the identity’s username, binds it, and opens a session', async () => {
      idp.signInAs({ sub: 'idp-1', preferred_username: 'region-a' });
      const res = await roundTrip();
      expect(res.statusCode, res.body).toBe(302);
      expect(res.headers.location).toBe('/');
      const session = res.cookies.find((c) => c.name === 'publica_session');
      expect(session?.httpOnly).toBe(true);
      const me = await app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `publica_session=${session?.value}` },
      });
      expect(me.json()).toMatchObject({
        login: 'region-a',
        role: 'region',
        scope: { regionCode: w.a.regionCode },
      });
      // Bound: the next time the subject alone finds the account, whatever the username says.
      idp.signInAs({ sub: 'idp-1', preferred_username: 'renamed-at-the-provider' });
      expect((await roundTrip()).statusCode).toBe(302);
      const log = (await w.as('federal', { method: 'GET', url: '/api/audit-log?action=auth.login' })).json();
      expect(log.items.some((e: { details: { method?: string } }) => e.details?.method === 'oidc')).toBe(
        true,
      );
    });

    it('refuses identities without an account, and a callback whose state was changed', async () => {
      idp.signInAs({ sub: 'idp-2', preferred_username: 'stranger' });
      const unknown = await roundTrip();
      expect(unknown.statusCode).toBe(401);
      expect(unknown.cookies.find((c) => c.name === 'publica_session')).toBeUndefined();
      idp.signInAs({ sub: 'idp-3', preferred_username: 'federal-a' });
      const forged = await roundTrip((url) => url.searchParams.set('state', 'forged'));
      expect(forged.statusCode).toBe(401);
      const noCookie = await app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' });
      expect(noCookie.statusCode).toBe(401);
    });

    it('links an account by e-mail only when the provider says the e-mail is verified', async () => {
      const login = 'mail-user@school.test';
      const made = await w.as('region', {
        method: 'POST',
        url: '/api/users',
        payload: {
          login,
          role: 'institution_viewer',
          scope: { level: 'institution', institutionId: w.a.institutionId },
        },
      });
      expect(made.statusCode, made.body).toBe(200);
      idp.signInAs({ sub: 'idp-mail-1', email: login });
      expect((await roundTrip()).statusCode).toBe(401);
      idp.signInAs({ sub: 'idp-mail-2', email: login, email_verified: false });
      expect((await roundTrip()).statusCode).toBe(401);
      const bound = await ctx.db.kysely
        .selectFrom('users')
        .select('oidc_subject')
        .where('login', '=', login)
        .executeTakeFirstOrThrow();
      expect(bound.oidc_subject).toBeNull();
      idp.signInAs({ sub: 'idp-mail-3', email: login, email_verified: true });
      expect((await roundTrip()).statusCode).toBe(302);
    });
  },
  { shared: true },
);
