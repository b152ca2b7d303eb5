// GET /api/seminars/:id/feedback: the feedback's summary.
import { principalOf } from '../../platform/http/principal.ts';
import type { App } from '../../platform/http/server.ts';
import { feedbackSummary } from '../seminar-follow-up.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function getFeedbackRoute(app: App, { db }: TrainingRouteDeps): void {
  app.get(
    c.feedback.path,
    {
      config: { access: c.feedback.access },
      schema: {
        tags,
        summary: 'The feedback’s summary: mean rating, useful items, comments',
        params: c.feedback.params,
      },
    },
    async (request) => feedbackSummary(db, principalOf(request), request.params.id),
  );
}
