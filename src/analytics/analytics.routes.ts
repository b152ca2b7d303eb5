// Thin HTTP adapters over roll-ups and the page list with scores.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam, pagination, queryFlag } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound } from '../platform/scope.ts';
import { INSTITUTION_KINDS } from '../platform/vocabulary.ts';
import { checkUnitFilters, findPageInScope, pageRefSchema, regionVersion } from '../registry/index.ts';
import { listPages, pageScores, rollup } from './analytics.service.ts';

const tags = ['analytics'];

const countsSchema = {
  institutions: z.number().int(),
  withPage: z.number().int(),
  audited: z.number().int(),
  covered: z.number().int(),
  coverage: z.number().nullable(),
  meanScore: z.number().nullable(),
  levels: z.record(z.string(), z.number().int()),
};

const rollupSchema = z.object({
  run: z
    .object({
      id: z.number().int(),
      version: z.string(),
      periodStart: z.number().int(),
      periodEnd: z.number().int(),
    })
    .nullable(),
  groupBy: z.enum(['region', 'municipality']),
  rows: z.array(z.object({ key: z.string(), nameRu: z.string(), nameEn: z.string(), ...countsSchema })),
  total: z.object(countsSchema),
});

const institutionRef = z
  .object({
    id: z.number().int(),
    fullName: z.string(),
    shortName: z.string().nullable(),
    kind: z.string(),
    regionCode: z.string(),
    municipalityId: z.number().int().nullable(),
  })
  .nullable();

const pageItemSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  platform: z.string(),
  status: z.string(),
  lastCollectedAt: z.number().int().nullable(),
  institution: institutionRef,
  score: z.number().nullable(),
  level: z.string().nullable(),
  verified: z.boolean().nullable(),
  trend: z.number().nullable(),
});

/** The page list's filters and order: the list, and its exports, take the same. */
export const pageListFilters = {
  region: z.string().min(1).max(8).optional(),
  municipality: z.coerce.number().int().positive().optional(),
  kind: z.enum(INSTITUTION_KINDS).optional(),
  level: z.string().max(40).optional(),
  status: z.enum(['unknown', 'active', 'closed', 'deleted', 'banned']).optional(),
  verified: queryFlag,
  q: z.string().max(200).optional(),
  scoreMin: z.coerce.number().min(0).max(100).optional(),
  scoreMax: z.coerce.number().min(0).max(100).optional(),
  sort: z.enum(['score', '-score', 'name', '-name', 'id', '-id', 'collected', '-collected']).default('score'),
};

const scoreSchema = z.object({ runId: z.number().int(), score: z.number(), level: z.string() });

export function analyticsRoutes(db: Db) {
  return (app: App) => {
    app.get(
      '/api/rollups',
      {
        config: { access: 'data.read', cache: ['registry', 'audit'] },
        schema: {
          tags,
          summary:
            'Counts by level, mean score and coverage per region or municipality in your scope, from the newest audit',
          querystring: z.object({
            by: z.enum(['region', 'municipality']).default('region'),
            region: z.string().min(1).max(8).optional(),
          }),
          response: { 200: rollupSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        await checkUnitFilters(db, scope, { regionCode: request.query.region });
        return rollup(db, scope, request.query.by, request.query.region);
      },
    );

    app.get(
      '/api/pages',
      {
        config: { access: 'data.read', cache: ['registry', 'audit', 'collection'] },
        schema: {
          tags,
          summary:
            'Pages in your scope with score, level and trend from the newest audit: filter, sort, page',
          querystring: z.object({
            ...pagination,
            ...pageListFilters,
            /** The `next` of the previous page: the page after it (keyset; `page` is then ignored). */
            after: z.string().min(1).max(400).optional(),
          }),
          response: {
            200: z.object({
              runId: z.number().int().nullable(),
              items: z.array(pageItemSchema),
              page: z.number().int(),
              size: z.number().int(),
              total: z.number().int(),
              /** The cursor of the page after this one (pass as `after`); null on the last page. */
              next: z.string().nullable(),
            }),
            ...errorResponses,
          },
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
      '/api/pages/:id',
      {
        config: { access: 'data.read', cache: ['registry', 'audit', 'collection'] },
        schema: {
          tags,
          summary: 'One page with its institution, latest score and level, trend and score history',
          params: idParam,
          response: {
            200: pageRefSchema.extend({
              institution: z
                .object({
                  id: z.number().int(),
                  fullName: z.string(),
                  kind: z.string(),
                  regionCode: z.string(),
                  municipalityId: z.number().int().nullable(),
                })
                .nullable(),
              latest: scoreSchema.nullable(),
              trend: z.number().nullable(),
              /** The version the latest score, trend and history are of: the page's region's. */
              historyVersion: z.string(),
              history: z.array(
                z.object({
                  runId: z.number().int(),
                  finishedAt: z.number().int().nullable(),
                  periodEnd: z.number().int(),
                  score: z.number(),
                  level: z.string(),
                }),
              ),
            }),
            ...errorResponses,
          },
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
