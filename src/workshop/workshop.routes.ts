// Thin HTTP adapters over the methodologist's workshop (`methodology.edit`): list, fork, read, lint a change,
// save a change, preview on current data, publish, re-audit under a version, and compare two versions. A change
// with problems is refused with each problem (file, rule, field, message) in `details`, and nothing is written.
import { z } from 'zod';
import { shownLevels } from '../methodology/index.ts';
import { type Clock, systemClock, unixSeconds } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { previewWorkshop } from './preview.ts';
import { reaudit } from './reaudit.service.ts';
import {
  diffAny,
  editVersion,
  forkVersion,
  getWorkshopVersion,
  lintChange,
  listWorkshop,
  publishVersion,
  type WorkshopVersion,
} from './workshop.service.ts';

const tags = ['methodology'];
const access = 'methodology.edit';
const idParams = z.object({ id: z.string().min(1).max(40) });
const texts = z.object({ ru: z.string().max(4000).optional(), en: z.string().max(4000).optional() }).strict();

const patchBody = z
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

const workshopSchema = z.object({
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
    }),
  ),
});

function shown(w: WorkshopVersion) {
  const v = w.version;
  return {
    id: w.id,
    basedOn: w.basedOn,
    status: w.status,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    publishedAt: w.publishedAt,
    hash: v.hash,
    title: v.title,
    levels: shownLevels(v),
    rules: v.rules.map((r) => ({
      id: r.id,
      category: r.category,
      weight: r.weight,
      severity: r.severity,
      params: r.params,
      scoring: r.scoring ?? null,
      proposed: r.proposed ?? [],
      title: r.title,
      failureTitle: r.failureTitle,
    })),
  };
}

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

export function workshopRoutes(db: Db, clock: Clock = systemClock) {
  const now = () => unixSeconds(clock.now());
  const actor = (request: Parameters<typeof principalOf>[0]) => {
    const p = principalOf(request);
    return { userId: p.userId, login: p.login, ip: request.ip };
  };
  return (app: App) => {
    app.get(
      '/api/methodology/workshop',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Versions forked in the workshop, drafts and published',
          response: { 200: z.object({ items: z.array(workshopSchema) }), ...errorResponses },
        },
      },
      async () => ({ items: (await listWorkshop(db)).map(shown) }),
    );

    app.post(
      '/api/methodology/workshop',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Fork a version (shipped, published or a draft) under a new id, as a draft',
          body: z.object({ from: z.string().min(1).max(40), id: z.string().min(1).max(40) }).strict(),
          response: { 201: workshopSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(shown(await forkVersion(db, actor(request), request.body, now()))),
    );

    app.get(
      '/api/methodology/workshop/:id',
      {
        config: { access },
        schema: {
          tags,
          summary: 'One workshop version',
          params: idParams,
          response: { 200: workshopSchema, ...errorResponses },
        },
      },
      async (request) => shown(await getWorkshopVersion(db, request.params.id)),
    );

    app.post(
      '/api/methodology/workshop/:id/lint',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Lint a change to a draft without saving it: every problem with its rule and field',
          params: idParams,
          body: patchBody,
          response: { 200: z.object({ problems: z.array(problemSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ problems: await lintChange(db, request.params.id, request.body) }),
    );

    app.patch(
      '/api/methodology/workshop/:id',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'Change a draft: parameters, scoring, weights, texts. Linted; with any problem, 400 lists them (details) and nothing is saved',
          params: idParams,
          body: patchBody,
          response: { 200: workshopSchema, ...errorResponses },
        },
      },
      async (request) => shown(await editVersion(db, actor(request), request.params.id, request.body, now())),
    );

    app.get(
      '/api/methodology/workshop/:id/preview',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'The version on current data against the one it was forked from (or `against`): pages that change level, per region and per rule, before and after. Writes nothing',
          params: idParams,
          querystring: z.object({ against: z.string().min(1).max(40).optional(), region, period }),
          response: { 200: previewSchema, ...errorResponses },
        },
      },
      async (request) =>
        previewWorkshop(db, request.params.id, {
          against: request.query.against,
          regionCode: request.query.region,
          period: request.query.period,
          now: clock.now(),
        }),
    );

    app.post(
      '/api/methodology/workshop/:id/publish',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Publish a draft under its id: regions may choose it and audits may judge by it',
          params: idParams,
          response: { 200: workshopSchema, ...errorResponses },
        },
      },
      async (request) => shown(await publishVersion(db, actor(request), request.params.id, now())),
    );

    app.post(
      '/api/methodology/workshop/:id/audits',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'Re-audit under a published version: the current period, or a past one ("YYYY-MM-DD..YYYY-MM-DD"), all pages or a region',
          params: idParams,
          body: z.object({ period, region }).strict(),
          response: {
            200: z.object({
              runId: z.number().int(),
              version: z.string(),
              pages: z.number().int(),
              levels: z.record(z.string(), z.number().int()),
              meanTotal: z.number(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const s = await reaudit(db, request.params.id, {
          period: request.body.period,
          regionCode: request.body.region,
          now: clock.now(),
        });
        return {
          runId: s.runId,
          version: s.version,
          pages: s.pages,
          levels: s.levels,
          meanTotal: s.meanTotal,
        };
      },
    );

    app.get(
      '/api/methodology/diff',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'What differs between two versions (shipped, published or drafts): rules, parameters, weights, levels',
          querystring: z.object({ a: z.string().min(1).max(40), b: z.string().min(1).max(40) }),
          response: {
            200: z.object({
              added: z.array(z.string()),
              removed: z.array(z.string()),
              changed: z.array(
                z.object({ rule: z.string(), field: z.string(), from: z.unknown(), to: z.unknown() }),
              ),
              categories: z.array(
                z.object({ id: z.string(), from: z.number().nullable(), to: z.number().nullable() }),
              ),
              levelsChanged: z.boolean(),
              scoringChanged: z.boolean(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => diffAny(db, request.query.a, request.query.b),
    );
  };
}
