// Open data without a login: aggregates by region and municipality as JSON or CSV. Field by field in
// docs/open-data.md.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { findRegion } from '../registry/index.ts';
import { openData, openDataCsv } from './open-data.service.ts';

const tags = ['open data'];

export const openRowSchema = z
  .object({
    code: z.string(),
    nameRu: z.string(),
    nameEn: z.string(),
    institutions: z.number().int(),
    institutionsWithPage: z.number().int(),
    pagesAudited: z.number().int(),
    institutionsCovered: z.number().int(),
    coverage: z.number().nullable(),
    meanScore: z.number().nullable(),
    levels: z.record(z.string(), z.number().int()),
    networks: z
      .object({
        vk: z.number().int(),
        ok: z.number().int(),
        max: z.number().int(),
        meetsLegalDuty: z.number().int(),
      })
      .strict(),
  })
  .strict();

export const openDataSchema = z
  .object({
    audit: z
      .object({
        runId: z.number().int(),
        methodology: z.string(),
        periodStart: z.string(),
        periodEnd: z.string(),
      })
      .nullable(),
    unit: z.enum(['region', 'municipality']),
    levels: z.array(z.string()),
    rows: z.array(openRowSchema),
  })
  .strict();

const format = {
  format: z.enum(['json', 'csv']).default('json'),
  delimiter: z.enum(['semicolon', 'comma']).default('semicolon'),
};

export function openDataRoutes(db: Db) {
  return (app: App) => {
    app.get(
      '/api/open/regions',
      {
        config: { access: 'public', cache: ['registry', 'audit'] },
        schema: {
          tags,
          summary: 'Open data by region: institutions, coverage, mean score, pages by level (JSON or CSV)',
          querystring: z.object(format),
          response: { 200: openDataSchema.or(z.string()), ...errorResponses },
        },
      },
      async (request, reply) => send(reply, await openData(db, 'region'), request.query),
    );

    app.get(
      '/api/open/regions/:code/municipalities',
      {
        config: { access: 'public', cache: ['registry', 'audit'] },
        schema: {
          tags,
          summary: 'Open data by municipality of one region (JSON or CSV)',
          params: z.object({ code: z.string().min(1).max(8) }),
          querystring: z.object(format),
          response: { 200: openDataSchema.or(z.string()), ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!(await findRegion(db, request.params.code)))
          throw new AppError('NOT_FOUND', `no region ${request.params.code}`);
        return send(reply, await openData(db, 'municipality', request.params.code), request.query);
      },
    );
  };
}

/** The parts of a reply `send` uses. */
type Reply = { header(name: string, value: string): Reply; type(contentType: string): Reply };

function send(
  reply: Reply,
  data: Awaited<ReturnType<typeof openData>>,
  query: { format: 'json' | 'csv'; delimiter: 'semicolon' | 'comma' },
) {
  reply.header('cache-control', 'public, max-age=300');
  if (query.format === 'json') return data;
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="publica-open-data-by-${data.unit}.csv"`);
  return openDataCsv(data, query.delimiter === 'comma' ? ',' : ';');
}
