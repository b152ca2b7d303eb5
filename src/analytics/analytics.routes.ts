// Thin HTTP adapters over roll-ups and the page list with scores.
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound } from '../platform/scope.ts';
import { checkUnitFilters, findPageInScope, regionVersion } from '../registry/index.ts';
import { analyticsContract } from './analytics.contract.ts';
import { listPages, pageScores, rollup } from './analytics.service.ts';

const tags = ['analytics'];

const c = analyticsContract;

export function analyticsRoutes(db: Db) {
  return (app: App) => {
    app.get(
      c.rollups.path,
      {
        config: { access: c.rollups.access, cache: ['registry', 'audit'] },
        schema: {
          tags,
          summary:
            'Counts by level, mean score and coverage per region or municipality in your scope, from the newest audit',
          querystring: c.rollups.query,
          response: { 200: c.rollups.response, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        await checkUnitFilters(db, scope, { regionCode: request.query.region });
        return rollup(db, scope, request.query.by, request.query.region);
      },
    );

    app.get(
      c.pages.path,
      {
        config: { access: c.pages.access, cache: ['registry', 'audit', 'collection'] },
        schema: {
          tags,
          summary:
            'Pages in your scope with score, level and trend from the newest audit: filter, sort, page',
          querystring: c.pages.query,
          response: { 200: c.pages.response, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        const { region, municipality, ...rest } = request.query;
        await checkUnitFilters(db, scope, { regionCode: region, municipalityId: municipality });
        const result = await listPages(db, scope, {
          ...rest,
          regionCode: region,
          municipalityId: municipality,
        });
        return { ...result, page: rest.page, size: rest.size };
      },
    );

    app.get(
      c.page.path,
      {
        config: { access: c.page.access, cache: ['registry', 'audit', 'collection'] },
        schema: {
          tags,
          summary: 'One page with its institution, latest score and level, trend and score history',
          params: c.page.params,
          response: { 200: c.page.response, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        const page = await findPageInScope(db, scope, request.params.id);
        if (!page) throw notFound('page', request.params.id);
        return {
          id: page.id,
          platform: page.platform,
          url: page.url,
          screenName: page.screen_name,
          externalId: page.external_id,
          status: page.status,
          lastCollectedAt: page.last_collected_at,
          institution:
            page.institution_id === null
              ? null
              : {
                  id: page.institution_id,
                  fullName: page.full_name ?? '',
                  kind: page.kind ?? '',
                  regionCode: page.region_code ?? '',
                  municipalityId: page.municipality_id,
                },
          ...(await pageScores(db, scope, page.id, await regionVersion(db, page.region_code))),
        };
      },
    );
  };
}
