// Thin HTTP adapters over the facts VK does not tell: a page's recorded checks, recording one, and importing the
// region's Госпаблики export. Who may: the page's admin and the municipality, region and federal admins whose
// scope holds the page (`facts.record`); every write is in the audit log.
import { z } from 'zod';
import { isoDate } from '../platform/calendar-date.ts';
import { type Clock, systemClock, unixSeconds } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam, okBody, queryFlag } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { receiveFile, UPLOAD_LIMITS } from '../platform/http/upload.ts';
import { CHECKABLE_FACTS } from './page-facts.service.ts';
import { type Caller, importExportAs, listFactsAs, recordCheckAs } from './record-check.service.ts';

const tags = ['audit'];

const factSchema = z.object({
  fact: z.string(),
  value: z.number().int(),
  source: z.string(),
  checkedAt: z.number().int(),
  by: z.string().nullable(),
  evidence: z.string().nullable(),
});

const checkBody = z.object({
  fact: z.enum(CHECKABLE_FACTS as [string, ...string[]]),
  /** yes/no facts take true/false (or 1/0); the ПОС widgets 0, 1 or 2. */
  value: z.union([z.boolean(), z.number().int().min(0).max(2)]),
  /** The day of the check (default now); never in the future. */
  checkedOn: isoDate.optional(),
  /** A link to a screenshot or a document, or a short note. */
  evidence: z.string().trim().max(500).optional(),
});

const exportReportSchema = z.object({
  rows: z.number().int(),
  pages: z.number().int(),
  facts: z.number().int(),
  problems: z.array(
    z.object({ row: z.number().int(), field: z.string(), key: z.string(), value: z.string().optional() }),
  ),
});

function callerOf(request: Parameters<typeof principalOf>[0]): Caller {
  const p = principalOf(request);
  return { userId: p.userId, login: p.login, ip: request.ip, scope: p.scope };
}

export function pageFactsRoutes(db: Db, clock: Clock = systemClock) {
  const now = () => unixSeconds(clock.now());
  return (app: App) => {
    app.get(
      '/api/pages/:id/facts',
      {
        config: { access: 'data.read' },
        schema: {
          tags,
          summary:
            'The latest recorded value of each fact of a page (manual checks and the export), with who and when',
          params: idParam,
          response: { 200: z.object({ items: z.array(factSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const rows = await listFactsAs(db, principalOf(request).scope, request.params.id);
        return {
          items: rows.map((r) => ({
            fact: r.fact,
            value: r.value,
            source: r.source,
            checkedAt: r.checked_at,
            by: r.by ?? null,
            evidence: r.evidence,
          })),
        };
      },
    );

    app.post(
      '/api/pages/:id/facts',
      {
        config: { access: 'facts.record' },
        schema: {
          tags,
          summary:
            'Record a manual check of a page (ПОС widgets, Госпаблики connection, site backlink, two-factor, state mark): value, day, evidence; the next audit reads it',
          params: idParam,
          body: checkBody,
          response: { 201: okBody, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { checkedOn, ...check } = request.body;
        await recordCheckAs(
          db,
          callerOf(request),
          {
            ...check,
            pageId: request.params.id,
            ...(checkedOn ? { checkedAt: Date.parse(`${checkedOn}T00:00:00Z`) / 1000 } : {}),
          },
          now(),
        );
        return reply.code(201).send({ ok: true as const });
      },
    );

    app.post(
      '/api/page-facts/imports',
      {
        config: { access: 'facts.record' },
        schema: {
          tags,
          summary:
            'Import the region’s Госпаблики export (multipart field "file", CSV or XLSX: ОГРН, connected, state mark, design %, widgets 0/1/2, activity %). Any bad row, or a row of no page in your scope, writes nothing; dryRun=1 previews.',
          querystring: z.object({ dryRun: queryFlag }),
          response: { 200: exportReportSchema, ...errorResponses },
        },
      },
      async (request) => {
        const file = await receiveFile(request, { maxBytes: UPLOAD_LIMITS.registry });
        try {
          return await importExportAs(
            db,
            callerOf(request),
            { name: file.filename, path: file.path },
            { dryRun: request.query.dryRun ?? false, now: now() },
          );
        } finally {
          file.discard();
        }
      },
    );
  };
}
