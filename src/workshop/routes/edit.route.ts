// PATCH: change a draft; linted, and with any problem nothing is saved.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { editVersion } from '../workshop.service.ts';
import { actor, c, nowOf, shown, tags, type WorkshopRouteDeps } from './shared.ts';

export function editRoute(app: App, { db, clock }: WorkshopRouteDeps): void {
  app.patch(
    c.edit.path,
    {
      config: { access: c.edit.access },
      schema: {
        tags,
        summary:
          'Change a draft: parameters, scoring, weights, texts. Linted; with any problem, 400 lists them (details) and nothing is saved',
        params: c.edit.params,
        body: c.edit.body,
        response: { 200: c.edit.response, ...errorResponses },
      },
    },
    async (request) =>
      shown(await editVersion(db, actor(request), request.params.id, request.body, nowOf(clock))),
  );
}
