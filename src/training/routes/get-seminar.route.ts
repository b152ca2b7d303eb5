// GET /api/seminars/:id: a seminar and its enrolments.
import { principalOf } from '../../platform/http/principal.ts';
import type { App } from '../../platform/http/server.ts';
import { getSeminar } from '../training.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function getSeminarRoute(app: App, { db }: TrainingRouteDeps): void {
  app.get(
    c.get.path,
    {
      config: { access: c.get.access },
      schema: { tags, summary: 'A seminar and its enrolments', params: c.get.params },
    },
    async (request) => getSeminar(db, principalOf(request), request.params.id),
  );
}
