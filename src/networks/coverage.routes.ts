// GET /api/network-coverage: how many institutions in your scope are on VK, on OK, on MAX, and how many meet
// the legal duty (VK and OK).
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { checkUnitFilters } from '../registry/index.ts';
import { networkCoverage } from './coverage.service.ts';

const perNetwork = <T extends z.ZodType>(t: T) => z.object({ vk: t, ok: t, max: t });

const coverageSchema = z.object({
  institutions: z.number().int(),
  on: perNetwork(z.number().int()),
  share: perNetwork(z.number().nullable()),
  meetsLegalDuty: z.number().int(),
  meetsLegalDutyShare: z.number().nullable(),
  required: z.array(z.enum(['vk', 'ok', 'max'])),
});

export function networkCoverageRoutes(db: Db) {
  return (app: App) => {
    app.get(
      '/api/network-coverage',
      {
        config: { access: 'data.read', cache: ['registry', 'collection'] },
        schema: {
          tags: ['analytics'],
          summary:
            'Institutions in your scope on VK, on OK and on MAX, and those meeting the legal duty (VK and OK)',
          querystring: z.object({ region: z.string().min(1).max(8).optional() }),
          response: { 200: coverageSchema, ...errorResponses },
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
