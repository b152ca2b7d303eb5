// GET: what differs between two versions.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { diffAny } from '../workshop.service.ts';
import { c, tags, type WorkshopRouteDeps } from './shared.ts';

export function diffRoute(app: App, { db }: WorkshopRouteDeps): void {
  app.get(
    c.diff.path,
    {
      config: { access: c.diff.access },
      schema: {
        tags,
        summary:
          'What differs between two versions (shipped, published or drafts): rules, parameters, weights, levels',
        querystring: c.diff.query,
        response: { 200: c.diff.response, ...errorResponses },
      },
    },
    async (request) => diffAny(db, request.query.a, request.query.b),
  );
}
