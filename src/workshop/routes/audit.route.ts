// POST: re-audit under a published version, for the current or a past period, all pages or a region.
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { reaudit } from '../reaudit.service.ts';
import { c, tags, type WorkshopRouteDeps } from './shared.ts';

export function auditRoute(app: App, { db, clock }: WorkshopRouteDeps): void {
  app.post(
    c.audit.path,
    {
      config: { access: c.audit.access },
      schema: {
        tags,
        summary:
          'Re-audit under a published version: the current period, or a past one ("YYYY-MM-DD..YYYY-MM-DD"), all pages or a region',
        params: c.audit.params,
        body: c.audit.body,
        response: { 200: c.audit.response, ...errorResponses },
      },
    },
    async (request) => {
      const s = await reaudit(db, request.params.id, {
        period: request.body.period,
        regionCode: request.body.region,
        now: clock.now(),
      });
      return { runId: s.runId, version: s.version, pages: s.pages, levels: s.levels, meanTotal: s.meanTotal };
    },
  );
}
