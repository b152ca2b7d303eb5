// POST /api/users: create a user in your scope.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, manager, tags } from './shared.ts';

export function createUserRoute(app: App, deps: AuthRouteDeps): void {
  app.post(
    c.createUser.path,
    {
      config: { access: c.createUser.access },
      schema: {
        tags,
        summary: 'Create a user in your scope; without a password one is generated and returned once',
        body: c.createUser.body,
        response: {
          200: c.createUser.response,
          ...errorResponses,
          409: errorResponses[400],
        },
      },
    },
    async (request) => deps.users.add(manager(request.principal, request.ip), request.body),
  );
}
