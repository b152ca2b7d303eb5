// Thin HTTP adapters over audit runs and a page's report card.
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { auditContract, reportSchema } from './audit.contract.ts';
import { findRunInScope, levelCountsInScope, listRunsInScope } from './audit-run.repo.ts';
import { pageReport } from './page-report.service.ts';

const tags = ['audit'];

const c = auditContract;

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
      c.runs.path,
      {
        config: { access: c.runs.access },
        schema: {
          tags,
          summary: 'Audit runs that judged your scope, newest first',
          querystring: c.runs.query,
          response: { 200: c.runs.response, ...errorResponses },
        },
      },
      async (request) => {
        const { items, total } = await listRunsInScope(db, principalOf(request).scope, request.query);
        return { items: items.map(runView), total, ...request.query };
      },
    );

    app.get(
      c.run.path,
      {
        config: { access: c.run.access },
        schema: {
          tags,
          summary: 'One audit run with the pages it judged in your scope: counts by level and mean score',
          params: c.run.params,
          response: { 200: c.run.response, ...errorResponses },
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
      c.pageReport.path,
      {
        config: { access: c.pageReport.access, cache: ['registry', 'audit'] },
        schema: {
          tags,
          summary:
            'A page’s report card: total, level, categories, every rule with status, value, evidence and percentile among peers, recommendations',
          params: c.pageReport.params,
          querystring: c.pageReport.query,
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
