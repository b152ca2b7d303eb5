// POST /api/seminars/:id/invite: invite the audience, once each.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { invite } from '../training.service.ts';
import { c, now, type TrainingRouteDeps, tags } from './shared.ts';

export function inviteRoute(app: App, { db }: TrainingRouteDeps): void {
  app.post(
    c.invite.path,
    {
      config: { access: c.invite.access },
      schema: {
        tags,
        summary: 'Invite the audience (once each)',
        params: c.invite.params,
        response: { 200: c.invite.response, ...errorResponses },
      },
    },
    async (request) => ({ invited: await invite(db, principalOf(request), request.params.id, now()) }),
  );
}
