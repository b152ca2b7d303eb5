// GET /api/network-coverage: how many institutions in your scope are on VK, on OK, on MAX, and how many meet
// the legal duty (VK and OK).
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { checkUnitFilters } from '../registry/index.ts';
import { networkCoverage } from './coverage.service.ts';
import { networksContract } from './networks.contract.ts';

const c = networksContract;

export function networkCoverageRoutes(db: Db) {
  return (app: App) => {
    app.get(
      c.coverage.path,
      {
        config: { access: c.coverage.access, cache: ['registry', 'collection'] },
        schema: {
          tags: ['analytics'],
          summary:
            'Institutions in your scope on VK, on OK and on MAX, and those meeting the legal duty (VK and OK)',
          querystring: c.coverage.query,
          response: { 200: c.coverage.response, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        await checkUnitFilters(db, scope, { regionCode: request.query.region });
        return (await networkCoverage(db, scope, request.query.region)).figures;
      },
    );
  };
}
