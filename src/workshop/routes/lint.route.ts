// POST: lint a change to a draft without saving it.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { lintChange } from '../workshop.service.ts';
import { c, tags, type WorkshopRouteDeps } from './shared.ts';

export function lintRoute(app: App, { db }: WorkshopRouteDeps): void {
  app.post(
    c.lint.path,
    {
      config: { access: c.lint.access },
      schema: {
        tags,
        summary: 'Lint a change to a draft without saving it: every problem with its rule and field',
        params: c.lint.params,
        body: c.lint.body,
        response: { 200: c.lint.response, ...errorResponses },
      },
    },
    async (request) => ({ problems: await lintChange(db, request.params.id, request.body) }),
  );
}
