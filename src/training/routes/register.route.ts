// POST /api/seminars/:id/register: a seat while there is one, else the waiting list.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { register } from '../training.service.ts';
import { c, now, type TrainingRouteDeps, tags } from './shared.ts';

export function registerRoute(app: App, { db }: TrainingRouteDeps): void {
  app.post(
    c.register.path,
    {
      config: { access: c.register.access },
      schema: {
        tags,
        summary: 'Register an institution: a seat while there is one, else the waiting list',
        params: c.register.params,
        body: c.register.body,
        response: { 200: c.register.response, ...errorResponses },
      },
    },
    async (request) => ({
      status: (await register(
        db,
        principalOf(request),
        request.params.id,
        request.body.institutionId,
        now(),
      )) as 'registered' | 'waitlisted',
    }),
  );
}
