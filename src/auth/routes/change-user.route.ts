// PATCH /api/users/:id: change a user's role, scope, name, or disable them.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, manager, tags } from './shared.ts';

export function changeUserRoute(app: App, deps: AuthRouteDeps): void {
  app.patch(
    c.changeUser.path,
    {
      config: { access: c.changeUser.access },
      schema: {
        tags,
        summary: 'Change a user’s role, scope, name, or disable them',
        params: c.changeUser.params,
        body: c.changeUser.body,
        response: { 200: c.changeUser.response, ...errorResponses },
      },
    },
    async (request) =>
      deps.users.change(manager(request.principal, request.ip), request.params.id, request.body),
  );
}
