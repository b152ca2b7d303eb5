// POST /api/auth/login: sign in with login and password; sets the session cookie.
import { errorResponses } from '../../platform/http/schemas.ts';
import { type App, SESSION_COOKIE, sessionCookieOptions } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, me, tags } from './shared.ts';

export function signInRoute(app: App, deps: AuthRouteDeps): void {
  app.post(
    c.login.path,
    {
      config: { access: c.login.access },
      schema: {
        tags,
        summary: 'Sign in with login and password; sets the session cookie',
        body: c.login.body,
        response: { 200: c.login.response, ...errorResponses, 429: errorResponses[401] },
      },
    },
    async (request, reply) => {
      const agent = request.headers['user-agent'];
      const signed = await deps.sessions.signIn(
        request.body.login.trim().toLowerCase(),
        request.body.password,
        {
          ip: request.ip,
          userAgent: typeof agent === 'string' ? agent : null,
          ...(request.cookies[SESSION_COOKIE] ? { previousCookie: request.cookies[SESSION_COOKIE] } : {}),
        },
      );
      reply.setCookie(SESSION_COOKIE, signed.cookie, sessionCookieOptions(deps.secureCookies, signed.maxAge));
      const principal = await deps.sessions.authenticator.fromSession(signed.cookie, {
        ip: request.ip,
        userAgent: null,
      });
      if (!principal) throw new Error('a session just created is not found');
      return me(principal);
    },
  );
}
