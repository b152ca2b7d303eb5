// Reports of a unit (the country, a region, a municipality, an institution) as PDF, XLSX, HTML or JSON, made
// on request; schedules that make them by cron; and the files made, listed and downloaded within the scope.
import { z } from 'zod';
import { type Db, readVersions } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { scopeKey } from '../platform/scope.ts';
import { ReportCache } from './report-cache.ts';
import { findFileInScope, listFilesInScope, listSchedulesInScope } from './report-files.repo.ts';
import { createReportSchedule, deleteReportSchedule, unitInScope, unitSpec } from './report-files.service.ts';
import { CONTENT_TYPES, renderReport, reportFileName } from './report-render.ts';
import { reportsContract } from './reports.contract.ts';
import { unitReport, unitReportRuns } from './unit-report.service.ts';

const tags = ['reports'];
const c = reportsContract;

/** A unit's report rendered, or taken from the cache while the runs it shows and the data are unchanged. */
async function renderUnitReport(
  db: Db,
  cache: ReportCache | undefined,
  ask: {
    caller: Parameters<typeof unitReport>[1];
    unit: Parameters<typeof unitReport>[2];
    endingBy: number | undefined;
    format: keyof typeof CONTENT_TYPES;
    lang: Parameters<typeof renderReport>[2];
    actor: string;
  },
) {
  const make = async () => {
    const report = await unitReport(db, ask.caller, ask.unit, { endingBy: ask.endingBy });
    return {
      body: await renderReport(report, ask.format, ask.lang, ask.actor),
      fileName: reportFileName(report, ask.format),
    };
  };
  const runs = cache ? await unitReportRuns(db, ask.caller, ask.unit, ask.endingBy) : null;
  if (!cache || !runs) return { ...(await make()), hit: false };
  return cache.get(
    ReportCache.key(scopeKey(ask.unit), runs.run, ask.lang, ask.format),
    ReportCache.validity(runs, await readVersions(db)),
    make,
  );
}

/** `cache`: rendered reports kept per process (none when PUBLICA_API_CACHE=0). */
export function reportRoutes(db: Db, options: { cache?: ReportCache | undefined } = {}) {
  return (app: App) => {
    app.get(
      c.unitReport.path,
      {
        config: { access: c.unitReport.access },
        schema: {
          tags,
          summary:
            'The report of a unit in your scope as of its newest audit (or the newest ending by asOf): summary, levels, child units, trend, rule heatmap, movers, unanswered questions',
          params: c.unitReport.params,
          querystring: c.unitReport.query,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const caller = principal.scope;
        const unit = await unitInScope(
          db,
          caller,
          unitSpec(request.params.level, request.params.key, 'params.key'),
        );
        const { asOf, format: asked, lang: language } = request.query;
        const endingBy = asOf ? Date.parse(`${asOf}T00:00:00Z`) / 1000 + 86_400 : undefined;
        const { body, fileName, hit } = await renderUnitReport(db, options.cache, {
          caller,
          unit,
          endingBy,
          format: asked,
          lang: language,
          actor: `user:${principal.userId}`,
        });
        reply
          .type(CONTENT_TYPES[asked])
          .header('cache-control', 'private, no-store')
          .header('x-cache', hit ? 'hit' : 'miss')
          .header(
            'content-disposition',
            `${asked === 'html' ? 'inline' : 'attachment'}; filename="${fileName}"`,
          );
        return reply.send(body);
      },
    );

    app.get(
      c.schedules.path,
      {
        config: { access: c.schedules.access },
        schema: {
          tags,
          summary: 'Report schedules of units in your scope',
          response: { 200: c.schedules.response, ...errorResponses },
        },
      },
      async (request) => ({
        items: (await listSchedulesInScope(db, principalOf(request).scope)).map((s) => ({
          id: s.id,
          level: s.level,
          unitKey: s.unit_key,
          format: s.format,
          lang: s.lang,
          cron: s.cron,
          tz: s.tz,
          createdAt: s.created_at,
        })),
      }),
    );

    app.post(
      c.addSchedule.path,
      {
        config: { access: c.addSchedule.access },
        schema: {
          tags,
          summary:
            'Make a unit report by cron (five fields, at most hourly, e.g. "0 7 1 * *": 07:00 on the 1st of every month) in an IANA time zone; files appear in /api/reports/files',
          body: c.addSchedule.body,
          response: { 200: c.addSchedule.response, ...errorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { level: unitLevel, key, ...rest } = request.body;
        const id = await createReportSchedule(
          db,
          { id: principal.userId, scope: principal.scope },
          { unit: unitSpec(unitLevel, key, 'body.key'), ...rest },
        );
        return { id };
      },
    );

    app.delete(
      c.removeSchedule.path,
      {
        config: { access: c.removeSchedule.access },
        schema: {
          tags,
          summary: 'Stop a report schedule (its files stay)',
          params: c.removeSchedule.params,
          response: { 200: c.removeSchedule.response, ...errorResponses },
        },
      },
      async (request) => {
        await deleteReportSchedule(db, principalOf(request).scope, request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      c.files.path,
      {
        config: { access: c.files.access },
        schema: {
          tags,
          summary: 'Report files made for units in your scope, newest first',
          querystring: c.files.query,
          response: { 200: c.files.response, ...errorResponses },
        },
      },
      async (request) => {
        const { page, size, schedule } = request.query;
        const { items, total } = await listFilesInScope(
          db,
          principalOf(request).scope,
          { page, size },
          schedule,
        );
        return {
          items: items.map((f) => ({
            id: f.id,
            level: f.level,
            unitKey: f.unit_key,
            unitName: f.unit_name,
            format: f.format,
            lang: f.lang,
            runId: f.run_id,
            bytes: f.bytes,
            scheduleId: f.schedule_id,
            createdAt: f.created_at,
          })),
          page,
          size,
          total,
        };
      },
    );

    app.get(
      c.file.path,
      {
        config: { access: c.file.access },
        schema: {
          tags,
          summary: 'Download a report file',
          params: c.file.params,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const file = await findFileInScope(db, principalOf(request).scope, request.params.id);
        if (!file) throw new AppError('NOT_FOUND', `no report file ${request.params.id}`);
        const day = new Date(file.created_at * 1000).toISOString().slice(0, 10);
        reply
          .type(CONTENT_TYPES[file.format])
          .header('cache-control', 'private, no-store')
          .header(
            'content-disposition',
            `attachment; filename="publica-${file.unit_key.replace(/[:/]/g, '-')}-${day}.${file.format}"`,
          );
        return reply.send(Buffer.from(file.content));
      },
    );
  };
}
