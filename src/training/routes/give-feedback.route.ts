// POST /api/seminars/:id/feedback: an attendee's short feedback.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { giveFeedback } from '../seminar-follow-up.service.ts';
import { c, now, type TrainingRouteDeps, tags } from './shared.ts';

export function giveFeedbackRoute(app: App, { db }: TrainingRouteDeps): void {
  app.post(
    c.giveFeedback.path,
    {
      config: { access: c.giveFeedback.access },
      schema: {
        tags,
        summary: 'An attendee’s short feedback: a rating 1–5, the programme items found useful, a comment',
        params: c.giveFeedback.params,
        body: c.giveFeedback.body,
        response: { 200: c.giveFeedback.response, ...errorResponses },
      },
    },
    async (request) => {
      await giveFeedback(db, principalOf(request), request.params.id, request.body, now());
      return { saved: true };
    },
  );
}
