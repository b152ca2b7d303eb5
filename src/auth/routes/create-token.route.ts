// POST /api/tokens: create an API token (shown once) with some of your permissions.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, tags } from './shared.ts';

export function createTokenRoute(app: App, deps: AuthRouteDeps): void {
  app.post(
    c.createToken.path,
    {
      config: { access: c.createToken.access },
      schema: {
        tags,
        summary: 'Create an API token (shown once) with some of your permissions',
        body: c.createToken.body,
        response: { 200: c.createToken.response, ...errorResponses },
      },
    },
    async (request) => deps.sessions.createToken(principalOf(request), request.body),
  );
}
