// GET /api/seminars/:id/audience: the institutions the seminar's rule selects.
import { principalOf } from '../../platform/http/principal.ts';
import type { App } from '../../platform/http/server.ts';
import { audience } from '../training.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function getAudienceRoute(app: App, { db }: TrainingRouteDeps): void {
  app.get(
    c.audience.path,
    {
      config: { access: c.audience.access },
      schema: {
        tags,
        summary: 'The institutions the seminar’s rule selects, before anyone is invited',
        params: c.audience.params,
      },
    },
    async (request) => {
      const items = await audience(db, principalOf(request), request.params.id);
      return { items, total: items.length };
    },
  );
}
