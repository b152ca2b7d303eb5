// GET: the version on current data against the one it was forked from; writes nothing.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { previewWorkshop } from '../preview.ts';
import { c, tags, type WorkshopRouteDeps } from './shared.ts';

export function previewRoute(app: App, { db, clock }: WorkshopRouteDeps): void {
  app.get(
    c.preview.path,
    {
      config: { access: c.preview.access },
      schema: {
        tags,
        summary:
          'The version on current data against the one it was forked from (or `against`): pages that change level, per region and per rule, before and after. Writes nothing',
        params: c.preview.params,
        querystring: c.preview.query,
        response: { 200: c.preview.response, ...errorResponses },
      },
    },
    async (request) =>
      previewWorkshop(db, request.params.id, {
        against: request.query.against,
        regionCode: request.query.region,
        period: request.query.period,
        now: clock.now(),
      }),
  );
}
