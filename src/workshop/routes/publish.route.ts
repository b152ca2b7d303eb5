// POST: publish a draft under its id.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { publishVersion } from '../workshop.service.ts';
import { actor, c, nowOf, shown, tags, type WorkshopRouteDeps } from './shared.ts';

export function publishRoute(app: App, { db, clock }: WorkshopRouteDeps): void {
  app.post(
    c.publish.path,
    {
      config: { access: c.publish.access },
      schema: {
        tags,
        summary: 'Publish a draft under its id: regions may choose it and audits may judge by it',
        params: c.publish.params,
        response: { 200: c.publish.response, ...errorResponses },
      },
    },
    async (request) => shown(await publishVersion(db, actor(request), request.params.id, nowOf(clock))),
  );
}
