// POST /api/seminars/:id/call-off: call a planned seminar off and notify everyone.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { cancelSeminar } from '../training.service.ts';
import { c, now, type TrainingRouteDeps, tags } from './shared.ts';

export function callOffRoute(app: App, { db }: TrainingRouteDeps): void {
  app.post(
    c.callOff.path,
    {
      config: { access: c.callOff.access },
      schema: {
        tags,
        summary: 'Call a planned seminar off; everyone registered or waiting is notified',
        params: c.callOff.params,
        response: { 200: c.callOff.response, ...errorResponses },
      },
    },
    async (request) => ({
      notified: await cancelSeminar(db, principalOf(request), request.params.id, now()),
    }),
  );
}
