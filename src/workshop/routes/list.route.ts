// GET: the versions forked in the workshop, drafts and published.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { listWorkshop } from '../workshop.service.ts';
import { c, shown, tags, type WorkshopRouteDeps } from './shared.ts';

export function listRoute(app: App, { db }: WorkshopRouteDeps): void {
  app.get(
    c.list.path,
    {
      config: { access: c.list.access },
      schema: {
        tags,
        summary: 'Versions forked in the workshop, drafts and published',
        response: { 200: c.list.response, ...errorResponses },
      },
    },
    async () => ({ items: (await listWorkshop(db)).map(shown) }),
  );
}
