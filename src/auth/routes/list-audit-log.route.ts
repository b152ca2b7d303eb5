// GET /api/audit-log: who did what, in your scope, newest first.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { listLogEntries } from '../audit-log.repo.ts';
import { type AuthRouteDeps, c, tags } from './shared.ts';

export function listAuditLogRoute(app: App, deps: AuthRouteDeps): void {
  app.get(
    c.auditLog.path,
    {
      config: { access: c.auditLog.access },
      schema: {
        tags,
        summary: 'Who did what, in your scope, newest first',
        querystring: c.auditLog.query,
        response: { 200: c.auditLog.response, ...errorResponses },
      },
    },
    async (request) => {
      const { items, total } = await listLogEntries(deps.db, principalOf(request).scope, request.query);
      return {
        items: items.map((e) => ({
          id: e.id,
          at: e.at,
          actor: e.actor,
          userId: e.user_id,
          action: e.action,
          targetType: e.target_type,
          targetId: e.target_id,
          regionCode: e.region_code,
          municipalityId: e.municipality_id,
          institutionId: e.institution_id,
          details: e.details_json ? JSON.parse(e.details_json) : null,
          ip: e.ip,
        })),
        total,
        page: request.query.page,
        size: request.query.size,
      };
    },
  );
}
