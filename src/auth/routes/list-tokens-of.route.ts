// GET /api/users/:id/tokens: API tokens of a user in your scope.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, manager, tags, tokenView } from './shared.ts';

export function listTokensOfRoute(app: App, deps: AuthRouteDeps): void {
  app.get(
    c.listTokensOf.path,
    {
      config: { access: c.listTokensOf.access },
      schema: {
        tags,
        summary: 'API tokens of a user in your scope (never their secrets)',
        params: c.listTokensOf.params,
        response: { 200: c.listTokensOf.response, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await deps.users.listTokensOf(manager(request.principal, request.ip), request.params.id)).map(
        tokenView,
      ),
    }),
  );
}
