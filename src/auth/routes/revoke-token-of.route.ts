// DELETE /api/users/:id/tokens/:tokenId: revoke an API token of a user in your scope.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, manager, tags } from './shared.ts';

export function revokeTokenOfRoute(app: App, deps: AuthRouteDeps): void {
  app.delete(
    c.revokeTokenOf.path,
    {
      config: { access: c.revokeTokenOf.access },
      schema: {
        tags,
        summary: 'Revoke an API token of a user in your scope (an admin’s only from a higher level)',
        params: c.revokeTokenOf.params,
        response: { 200: c.revokeTokenOf.response, ...errorResponses },
      },
    },
    async (request) => {
      await deps.users.revokeTokenOf(
        manager(request.principal, request.ip),
        request.params.id,
        request.params.tokenId,
      );
      return { ok: true as const };
    },
  );
}
