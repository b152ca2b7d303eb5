// POST: re-audit under a published version, for the current or a past period, all pages or a region, as a
// background job (202 at once); GET: how far that job got.
import { AppError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { enqueueReaudit, reauditStatus } from '../reaudit.service.ts';
import { c, tags, type WorkshopRouteDeps } from './shared.ts';

export function auditRoute(app: App, { db, clock, queue }: WorkshopRouteDeps): void {
  app.post(
    c.audit.path,
    {
      config: { access: c.audit.access },
      schema: {
        tags,
        summary:
          'Re-audit under a published version as a background job: the current period, or a past one ("YYYY-MM-DD..YYYY-MM-DD"), all pages or a region; the same re-audit asked again while it waits is not queued twice',
        params: c.audit.params,
        body: c.audit.body,
        response: { 202: c.audit.response, ...errorResponses },
      },
    },
    async (request, reply) => {
      const queued = await enqueueReaudit(db, await queue(), request.params.id, {
        period: request.body.period,
        regionCode: request.body.region,
        now: clock.now(),
      });
      return reply.code(202).send(queued);
    },
  );
  app.get(
    c.auditStatus.path,
    {
      config: { access: c.auditStatus.access },
      schema: {
        tags,
        summary: 'How far a re-audit got: queued, running (pages judged of all), done (its run) or failed',
        params: c.auditStatus.params,
        response: { 200: c.auditStatus.response, ...errorResponses },
      },
    },
    async (request) => {
      const status = await reauditStatus(db, await queue(), request.params.job);
      if (status.version !== request.params.id)
        throw new AppError('NOT_FOUND', `no re-audit job ${request.params.job} of ${request.params.id}`);
      return status;
    },
  );
}
