// POST: fork a version under a new id, as a draft.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { forkVersion } from '../workshop.service.ts';
import { actor, c, nowOf, shown, tags, type WorkshopRouteDeps } from './shared.ts';

export function forkRoute(app: App, { db, clock }: WorkshopRouteDeps): void {
  app.post(
    c.fork.path,
    {
      config: { access: c.fork.access },
      schema: {
        tags,
        summary: 'Fork a version (shipped, published or a draft) under a new id, as a draft',
        body: c.fork.body,
        response: { 201: c.fork.response, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(shown(await forkVersion(db, actor(request), request.body, nowOf(clock)))),
  );
}
