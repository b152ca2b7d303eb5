// GET /api/seminars/effect: the effect of all seminars of a period.
import { AppError } from '../../platform/errors.ts';
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { periodEffect } from '../training.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function getPeriodEffectRoute(app: App, { db }: TrainingRouteDeps): void {
  app.get(
    c.periodEffect.path,
    {
      config: { access: c.periodEffect.access },
      schema: {
        tags,
        summary:
          'The effect of all seminars of your area held in a period (from, to: YYYY-MM-DD): attendees of any against pages that attended none',
        querystring: c.periodEffect.query,
        response: {
          200: c.periodEffect.response,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const from = Date.parse(`${request.query.from}T00:00:00Z`) / 1000;
      const to = Date.parse(`${request.query.to}T00:00:00Z`) / 1000 + 86_400;
      if (to <= from) throw new AppError('VALIDATION', 'query.to: the period ends before it starts');
      return periodEffect(db, principalOf(request), from, to);
    },
  );
}
