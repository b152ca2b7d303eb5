// GET /api/pages/:id/network-report: the report card of an OK group or a MAX channel (judged when asked).
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { networkReportContract } from './network-report.contract.ts';
import { networkPageReport } from './network-report.service.ts';

const c = networkReportContract.report;

export function networkReportRoutes(db: Db) {
  return (app: App) => {
    app.get(
      c.path,
      {
        config: { access: c.access, cache: ['registry', 'collection'] },
        schema: {
          tags: ['audit'],
          summary:
            'The card of an OK group or a MAX channel: its facts with their source, the rules that apply on its network (the rest not applicable, with why), the institution’s presence per network',
          params: c.params,
          querystring: c.query,
          response: { 200: c.response, ...errorResponses },
        },
      },
      async (request) =>
        networkPageReport(db, principalOf(request).scope, request.params.id, request.query.lang),
    );
  };
}
