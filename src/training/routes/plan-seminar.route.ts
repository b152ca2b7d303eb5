// POST /api/seminars: plan a seminar with the rule that picks its audience.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { planSeminar } from '../training.service.ts';
import { c, now, type TrainingRouteDeps, tags } from './shared.ts';

export function planSeminarRoute(app: App, { db }: TrainingRouteDeps): void {
  app.post(
    c.plan.path,
    {
      config: { access: c.plan.access },
      schema: {
        tags,
        summary: 'Plan a seminar in your region, with the rule that picks its audience',
        body: c.plan.body,
        response: { 200: c.plan.response, ...errorResponses },
      },
    },
    async (request) => ({ id: await planSeminar(db, principalOf(request), request.body, now()) }),
  );
}
