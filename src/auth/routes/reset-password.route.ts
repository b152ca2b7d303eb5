// POST /api/users/:id/password: reset a user's password (ends their sessions).
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, manager, tags } from './shared.ts';

export function resetPasswordRoute(app: App, deps: AuthRouteDeps): void {
  app.post(
    c.resetPassword.path,
    {
      config: { access: c.resetPassword.access },
      schema: {
        tags,
        summary: 'Reset a user’s password (ends their sessions); without one a password is generated',
        params: c.resetPassword.params,
        body: c.resetPassword.body,
        response: { 200: c.resetPassword.response, ...errorResponses },
      },
    },
    async (request) => ({
      password: await deps.users.resetPassword(
        manager(request.principal, request.ip),
        request.params.id,
        request.body.password,
      ),
    }),
  );
}
