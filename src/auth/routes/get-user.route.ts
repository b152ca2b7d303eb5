// GET /api/users/:id: one user in your scope.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, manager, tags } from './shared.ts';

export function getUserRoute(app: App, deps: AuthRouteDeps): void {
  app.get(
    c.getUser.path,
    {
      config: { access: c.getUser.access },
      schema: {
        tags,
        summary: 'One user in your scope',
        params: c.getUser.params,
        response: { 200: c.getUser.response, ...errorResponses },
      },
    },
    async (request) => deps.users.get(manager(request.principal, request.ip), request.params.id),
  );
}
