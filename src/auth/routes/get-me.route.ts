// GET /api/auth/me: the signed-in user, their scope and permissions.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, me, tags } from './shared.ts';

export function getMeRoute(app: App, _deps: AuthRouteDeps): void {
  app.get(
    c.me.path,
    {
      config: { access: c.me.access },
      schema: {
        tags,
        summary: 'The signed-in user, their scope and permissions',
        response: { 200: c.me.response, ...errorResponses },
      },
    },
    async (request) => me(principalOf(request)),
  );
}
