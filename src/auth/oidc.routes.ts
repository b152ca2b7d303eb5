// Sign-in through the identity provider: a redirect there, and the callback that opens a session here.
import type { App } from '../platform/http/server.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../platform/http/server.ts';
import type { createOidc } from './oidc.service.ts';

const PENDING_COOKIE = 'publica_oidc';
const tags = ['auth'];

export function oidcRoutes(oidc: ReturnType<typeof createOidc>, secureCookies: boolean) {
  return (app: App) => {
    app.get(
      '/api/auth/oidc/login',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Sign in through the identity provider: redirects there' },
      },
      async (_request, reply) => {
        const { redirectTo, pending } = await oidc.start();
        reply.setCookie(PENDING_COOKIE, pending, {
          ...sessionCookieOptions(secureCookies, 600),
          path: '/api/auth/oidc',
        });
        return reply.redirect(redirectTo, 302);
      },
    );

    app.get(
      '/api/auth/oidc/callback',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Where the identity provider sends the user back; opens a session' },
      },
      async (request, reply) => {
        const agent = request.headers['user-agent'];
        const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const signed = await oidc.finish(search, request.cookies[PENDING_COOKIE], {
          ip: request.ip,
          userAgent: typeof agent === 'string' ? agent : null,
          ...(request.cookies[SESSION_COOKIE] ? { previousCookie: request.cookies[SESSION_COOKIE] } : {}),
        });
        reply.clearCookie(PENDING_COOKIE, { path: '/api/auth/oidc' });
        reply.setCookie(SESSION_COOKIE, signed.cookie, sessionCookieOptions(secureCookies, signed.maxAge));
        return reply.redirect('/', 302);
      },
    );
  };
}
