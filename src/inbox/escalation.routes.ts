// A region's escalation setting over HTTP: read by anyone who reads the inbox of that region, changed by its
// regional operators and federal ones.
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { escalationSettingOf, setEscalationSetting } from './escalation-settings.service.ts';
import { inboxContract } from './inbox.contract.ts';

const tags = ['inbox'];
const now = () => Math.floor(Date.now() / 1000);
const c = inboxContract;

export function escalationRoutes(db: Db) {
  return (app: App) => {
    app.get(
      c.escalation.path,
      {
        config: { access: c.escalation.access },
        schema: {
          tags,
          summary:
            "A region's escalation: working hours past the deadline before a question goes to the municipality's queue, then the region's",
          params: c.escalation.params,
          response: { 200: c.escalation.response, ...errorResponses },
        },
      },
      async (request) => escalationSettingOf(db, principalOf(request).scope, request.params.regionCode),
    );
    app.put(
      c.setEscalation.path,
      {
        config: { access: c.setEscalation.access },
        schema: {
          tags,
          summary: "Set a region's escalation (regional and federal operators)",
          params: c.setEscalation.params,
          body: c.setEscalation.body,
          response: { 200: c.setEscalation.response, ...errorResponses },
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
