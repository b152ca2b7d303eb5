// GET /api/seminars/:id/effect: attendees' change against comparable pages.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { seminarEffect } from '../training.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function getSeminarEffectRoute(app: App, { db }: TrainingRouteDeps): void {
  app.get(
    c.effect.path,
    {
      config: { access: c.effect.access },
      schema: {
        tags,
        summary:
          'The change of attendees’ pages against comparable pages, from the audit before to the one after',
        params: c.effect.params,
        response: {
          200: c.effect.response,
          ...errorResponses,
        },
      },
    },
    async (request) => seminarEffect(db, principalOf(request), request.params.id),
  );
}
