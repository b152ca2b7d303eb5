// GET /api/tokens: your API tokens.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { type AuthRouteDeps, c, tags, tokenView } from './shared.ts';

export function listTokensRoute(app: App, deps: AuthRouteDeps): void {
  app.get(
    c.listTokens.path,
    {
      config: { access: c.listTokens.access },
      schema: {
        tags,
        summary: 'Your API tokens',
        response: { 200: c.listTokens.response, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await deps.sessions.listTokens(principalOf(request))).map(tokenView),
    }),
  );
}
