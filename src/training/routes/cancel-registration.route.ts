// POST /api/seminars/:id/cancel: cancel a registration; the first waiting takes the seat.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { cancel } from '../training.service.ts';
import { c, now, type TrainingRouteDeps, tags } from './shared.ts';

export function cancelRegistrationRoute(app: App, { db }: TrainingRouteDeps): void {
  app.post(
    c.cancel.path,
    {
      config: { access: c.cancel.access },
      schema: {
        tags,
        summary: 'Cancel a registration; the first on the waiting list takes the seat',
        params: c.cancel.params,
        body: c.cancel.body,
        response: { 200: c.cancel.response, ...errorResponses },
      },
    },
    async (request) => ({
      promoted: await cancel(db, principalOf(request), request.params.id, request.body.institutionId, now()),
    }),
  );
}
