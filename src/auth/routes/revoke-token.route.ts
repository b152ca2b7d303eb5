// DELETE /api/tokens/:id: revoke one of your API tokens.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, tags } from './shared.ts';

export function revokeTokenRoute(app: App, deps: AuthRouteDeps): void {
  app.delete(
    c.revokeToken.path,
    {
      config: { access: c.revokeToken.access },
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: c.revokeToken.params,
        response: { 200: c.revokeToken.response, ...errorResponses },
      },
    },
    async (request) => {
      await deps.sessions.revokeToken(principalOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
