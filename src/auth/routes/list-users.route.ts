// GET /api/users: users in your scope.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, manager, tags } from './shared.ts';

export function listUsersRoute(app: App, deps: AuthRouteDeps): void {
  app.get(
    c.listUsers.path,
    {
      config: { access: c.listUsers.access },
      schema: {
        tags,
        summary: 'Users in your scope',
        querystring: c.listUsers.query,
        response: { 200: c.listUsers.response, ...errorResponses },
      },
    },
    async (request) => {
      const { page, size } = request.query;
      const result = await deps.users.list(manager(request.principal, request.ip), request.query);
      return { ...result, page, size };
    },
  );
}
