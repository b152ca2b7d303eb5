// The analytics read API as data: roll-ups by unit, the page list with scores and one page's card. The routes
// register from here; the web app's client is typed from it (type-only).
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';
import { idParam, pagination, queryFlag } from '../platform/http/schemas.ts';
import { INSTITUTION_KINDS } from '../platform/vocabulary.ts';
import { pageRefSchema } from '../registry/index.ts';

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

export const pageItemSchema = z.object({
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

export type PageItemView = z.output<typeof pageItemSchema>;

export const pageListSchema = z.object({
  runId: z.number().int().nullable(),
  items: z.array(pageItemSchema),
  page: z.number().int(),
  size: z.number().int(),
  total: z.number().int(),
  /** The cursor of the page after this one (pass as `after`); null on the last page. */
  next: z.string().nullable(),
});
export type PageListView = z.output<typeof pageListSchema>;

export const pageCardSchema = pageRefSchema.extend({
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
});
export type PageCardView = z.output<typeof pageCardSchema>;

export const analyticsContract = {
  rollups: route({
    method: 'GET',
    path: '/api/rollups',
    access: 'data.read',
    query: z.object({
      by: z.enum(['region', 'municipality']).default('region'),
      region: z.string().min(1).max(8).optional(),
    }),
    response: rollupSchema,
  }),
  pages: route({
    method: 'GET',
    path: '/api/pages',
    access: 'data.read',
    query: z.object({
      ...pagination,
      ...pageListFilters,
      /** The `next` of the previous page: the page after it (keyset; `page` is then ignored). */
      after: z.string().min(1).max(400).optional(),
    }),
    response: pageListSchema,
  }),
  page: route({
    method: 'GET',
    path: '/api/pages/:id',
    access: 'data.read',
    params: idParam,
    response: pageCardSchema,
  }),
};
