// POST /api/auth/logout: end this session.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { type App, SESSION_COOKIE } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, tags } from './shared.ts';

export function signOutRoute(app: App, deps: AuthRouteDeps): void {
  app.post(
    c.logout.path,
    {
      config: { access: c.logout.access },
      schema: {
        tags,
        summary: 'End this session',
        response: { 200: c.logout.response, ...errorResponses },
      },
    },
    async (request, reply) => {
      await deps.sessions.signOut(principalOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
}
