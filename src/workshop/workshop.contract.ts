// The methodologist's workshop API as data: every route's method, path, access and zod shapes. The routes
// register from here; the web app's workshop screen takes its paths and answer types from here (type-only).
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';

const access = 'methodology.edit';
export const idParams = z.object({ id: z.string().min(1).max(40) });
const texts = z.object({ ru: z.string().max(4000).optional(), en: z.string().max(4000).optional() }).strict();

export const patchBody = z
  .object({
    title: texts.optional(),
    text: z
      .object({ ru: z.string().max(200_000).optional(), en: z.string().max(200_000).optional() })
      .optional(),
    rules: z
      .record(
        z.string().max(60),
        z
          .object({
            params: z.record(z.string(), z.unknown()).optional(),
            scoring: z.unknown().optional(),
            weight: z.number().optional(),
            title: texts.optional(),
            failureTitle: texts.optional(),
            warnTitle: texts.optional(),
            rationale: texts.optional(),
            help: texts.optional(),
            recommendation: texts.optional(),
            warnRecommendation: texts.optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

const problemSchema = z.object({
  file: z.string(),
  rule: z.string().optional(),
  field: z.string(),
  message: z.string(),
});

export const workshopSchema = z.object({
  id: z.string(),
  basedOn: z.string(),
  status: z.enum(['draft', 'published']),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  publishedAt: z.number().int().nullable(),
  hash: z.string(),
  title: z.object({ ru: z.string(), en: z.string() }),
  levels: z.array(
    z.object({ id: z.string(), title: z.object({ ru: z.string(), en: z.string() }), color: z.string() }),
  ),
  rules: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      weight: z.number(),
      severity: z.string(),
      params: z.record(z.string(), z.unknown()),
      scoring: z.unknown(),
      proposed: z.array(z.string()),
      title: z.object({ ru: z.string(), en: z.string() }),
      failureTitle: z.object({ ru: z.string(), en: z.string() }),
      /** Every text the rule has (title, failureTitle, warnTitle, rationale, help, recommendation…), as stored. */
      texts: z.record(z.string(), z.object({ ru: z.string(), en: z.string() })),
    }),
  ),
});

const previewSchema = z.object({
  before: z.string(),
  after: z.string(),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
  pages: z.number().int(),
  changed: z.number().int(),
  levels: z.array(z.object({ id: z.string(), before: z.number().int(), after: z.number().int() })),
  moves: z.array(z.object({ from: z.string(), to: z.string(), pages: z.number().int() })),
  regions: z.array(z.object({ code: z.string(), pages: z.number().int(), changed: z.number().int() })),
  rules: z.array(
    z.object({
      rule: z.string(),
      changed: z.number().int(),
      passBefore: z.number().int(),
      passAfter: z.number().int(),
    }),
  ),
});

const region = z
  .string()
  .regex(/^\d{2}$/, 'a two-digit region code')
  .optional();
const period = z.string().max(30).optional();

const diffSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ rule: z.string(), field: z.string(), from: z.unknown(), to: z.unknown() })),
  categories: z.array(z.object({ id: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
  levelsChanged: z.boolean(),
  scoringChanged: z.boolean(),
});

const auditSchema = z.object({
  /** The queued job, or null when the same re-audit already waits (its job does it). */
  jobId: z.string().nullable(),
  queued: z.boolean(),
  /** The run already judging this version, period and region, when one is (nothing new is queued). */
  runId: z.number().int().nullable(),
  version: z.string(),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
});

const auditStatusSchema = z.object({
  jobId: z.string(),
  version: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  runId: z.number().int().nullable(),
  pagesDone: z.number().int(),
  pagesTotal: z.number().int(),
});

export const workshopContract = {
  list: route({
    method: 'GET',
    path: '/api/methodology/workshop',
    access,
    response: z.object({ items: z.array(workshopSchema) }),
  }),
  fork: route({
    method: 'POST',
    path: '/api/methodology/workshop',
    access,
    body: z.object({ from: z.string().min(1).max(40), id: z.string().min(1).max(40) }).strict(),
    response: workshopSchema,
  }),
  get: route({
    method: 'GET',
    path: '/api/methodology/workshop/:id',
    access,
    params: idParams,
    response: workshopSchema,
  }),
  lint: route({
    method: 'POST',
    path: '/api/methodology/workshop/:id/lint',
    access,
    params: idParams,
    body: patchBody,
    response: z.object({ problems: z.array(problemSchema) }),
  }),
  edit: route({
    method: 'PATCH',
    path: '/api/methodology/workshop/:id',
    access,
    params: idParams,
    body: patchBody,
    response: workshopSchema,
  }),
  preview: route({
    method: 'GET',
    path: '/api/methodology/workshop/:id/preview',
    access,
    params: idParams,
    query: z.object({ against: z.string().min(1).max(40).optional(), region, period }),
    response: previewSchema,
  }),
  publish: route({
    method: 'POST',
    path: '/api/methodology/workshop/:id/publish',
    access,
    params: idParams,
    response: workshopSchema,
  }),
  audit: route({
    method: 'POST',
    path: '/api/methodology/workshop/:id/audits',
    access,
    params: idParams,
    body: z.object({ period, region }).strict(),
    response: auditSchema,
  }),
  auditStatus: route({
    method: 'GET',
    path: '/api/methodology/workshop/:id/audits/:job',
    access,
    params: idParams.extend({ job: z.string().min(1).max(64) }),
    response: auditStatusSchema,
  }),
  diff: route({
    method: 'GET',
    path: '/api/methodology/diff',
    access,
    query: z.object({ a: z.string().min(1).max(40), b: z.string().min(1).max(40) }),
    response: diffSchema,
  }),
};
