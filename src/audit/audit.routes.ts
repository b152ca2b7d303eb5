// Thin HTTP adapters over audit runs and a page's report card.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam, listOf, pagination } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { findRunInScope, levelCountsInScope, listRunsInScope } from './audit-run.repo.ts';
import { pageReport } from './page-report.service.ts';

const tags = ['audit'];

const runSchema = z.object({
  id: z.number().int(),
  version: z.string(),
  scope: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  status: z.string(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
});

const evidenceSchema = z.record(z.string(), z.unknown());

const reportSchema = z.object({
  pageId: z.number().int(),
  runId: z.number().int(),
  version: z.string(),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
  total: z.number(),
  level: z.string(),
  levelTitle: z.string(),
  categories: z.array(z.object({ id: z.string(), title: z.string(), score: z.number().nullable() })),
  rules: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      name: z.string(),
      title: z.string(),
      status: z.string(),
      value: z.number().nullable(),
      score: z.number().nullable(),
      percentile: z.number().nullable(),
      peers: z.string().optional(),
      evidence: z.array(evidenceSchema),
      unknown: z
        .object({
          fact: z.string(),
          supply: z.array(z.enum(['collect', 'manual', 'export'])),
          text: z.string(),
        })
        .optional(),
      check: z.object({ fact: z.string(), max: z.union([z.literal(1), z.literal(2)]) }).optional(),
      source: z
        .object({
          source: z.enum(['manual', 'export', 'vk-menu']),
          at: z.number().int(),
          by: z.string().optional(),
          evidence: z.string().optional(),
          text: z.string(),
        })
        .optional(),
    }),
  ),
  unknownRules: z.array(z.string()),
  recommendations: z.array(
    z.object({
      ruleId: z.string(),
      severity: z.string(),
      status: z.string(),
      title: z.string(),
      text: z.string(),
      section: z.string(),
      priority: z.number(),
    }),
  ),
});

type RunRow = {
  id: number;
  methodology_version: string;
  scope: string;
  period_start: number;
  period_end: number;
  status: string;
  started_at: number;
  finished_at: number | null;
};

function runView(r: RunRow) {
  return {
    id: r.id,
    version: r.methodology_version,
    scope: r.scope,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

async function requireRun(db: Db, scope: Scope, id: number) {
  const run = await findRunInScope(db, scope, id);
  if (!run) throw notFound('audit run', id);
  return run;
}

export function auditRoutes(db: Db) {
  return (app: App) => {
    app.get(
      '/api/audit-runs',
      {
        config: { access: 'data.read' },
        schema: {
          tags,
          summary: 'Audit runs that judged your scope, newest first',
          querystring: z.object(pagination),
          response: { 200: listOf(runSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { items, total } = await listRunsInScope(db, principalOf(request).scope, request.query);
        return { items: items.map(runView), total, ...request.query };
      },
    );

    app.get(
      '/api/audit-runs/:id',
      {
        config: { access: 'data.read' },
        schema: {
          tags,
          summary: 'One audit run with the pages it judged in your scope: counts by level and mean score',
          params: idParam,
          response: {
            200: runSchema.extend({
              pages: z.number().int(),
              meanScore: z.number().nullable(),
              levels: z.record(z.string(), z.number().int()),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        const run = await requireRun(db, scope, request.params.id);
        const counts = await levelCountsInScope(db, scope, run.id);
        const pages = counts.reduce((n, c) => n + Number(c.n), 0);
        const sum = counts.reduce((n, c) => n + Number(c.total_sum ?? 0), 0);
        return {
          ...runView(run),
          pages,
          meanScore: pages > 0 ? Math.round((sum / pages) * 10) / 10 : null,
          levels: Object.fromEntries(counts.map((c) => [c.level, Number(c.n)])),
        };
      },
    );

    app.get(
      '/api/pages/:id/report',
      {
        config: { access: 'data.read', cache: ['registry', 'audit'] },
        schema: {
          tags,
          summary:
            'A page’s report card: total, level, categories, every rule with status, value, evidence and percentile among peers, recommendations',
          params: idParam,
          querystring: z.object({
            run: z.coerce.number().int().positive().optional(),
            lang: z.enum(['ru', 'en']).default('ru'),
          }),
          response: { 200: reportSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        if (request.query.run !== undefined) await requireRun(db, scope, request.query.run);
        return pageReport(db, scope, request.params.id, request.query.lang, request.query.run);
      },
    );
  };
}
