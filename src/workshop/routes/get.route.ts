// GET: one workshop version.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { getWorkshopVersion } from '../workshop.service.ts';
import { c, shown, tags, type WorkshopRouteDeps } from './shared.ts';

export function getRoute(app: App, { db }: WorkshopRouteDeps): void {
  app.get(
    c.get.path,
    {
      config: { access: c.get.access },
      schema: {
        tags,
        summary: 'One workshop version',
        params: c.get.params,
        response: { 200: c.get.response, ...errorResponses },
      },
    },
    async (request) => shown(await getWorkshopVersion(db, request.params.id)),
  );
}
