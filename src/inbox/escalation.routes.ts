// A region's escalation setting over HTTP: read by anyone who reads the inbox of that region, changed by its
// regional operators and federal ones.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { escalationSettingOf, setEscalationSetting } from './escalation-settings.service.ts';

const tags = ['inbox'];
const now = () => Math.floor(Date.now() / 1000);
const params = z.object({ regionCode: z.string().min(1).max(10) });
const hours = z.number().int().min(1).max(400);
const setting = z.object({
  regionCode: z.string(),
  toMunicipalityAfterHours: z.number().int(),
  toRegionAfterHours: z.number().int(),
  isDefault: z.boolean(),
});

export function escalationRoutes(db: Db) {
  return (app: App) => {
    app.get(
      '/api/inbox/escalation/:regionCode',
      {
        config: { access: 'comments.read' },
        schema: {
          tags,
          summary:
            "A region's escalation: working hours past the deadline before a question goes to the municipality's queue, then the region's",
          params,
          response: { 200: setting, ...errorResponses },
        },
      },
      async (request) => escalationSettingOf(db, principalOf(request).scope, request.params.regionCode),
    );
    app.put(
      '/api/inbox/escalation/:regionCode',
      {
        config: { access: 'users.manage' },
        schema: {
          tags,
          summary: "Set a region's escalation (regional and federal operators)",
          params,
          body: z.object({ toMunicipalityAfterHours: hours, toRegionAfterHours: hours }),
          response: { 200: setting, ...errorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        await setEscalationSetting(db, principal, request.params.regionCode, request.body, now());
        return escalationSettingOf(db, principal.scope, request.params.regionCode);
      },
    );
  };
}
