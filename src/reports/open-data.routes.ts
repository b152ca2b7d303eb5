// Open data without a login: aggregates by region and municipality as JSON or CSV. Field by field in
// docs/open-data.md.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { findRegion } from '../registry/index.ts';
import { openDataContract } from './open-data.contract.ts';
import { openData, openDataCsv } from './open-data.service.ts';

const tags = ['open data'];

const c = openDataContract;

export function openDataRoutes(db: Db) {
  return (app: App) => {
    app.get(
      c.regions.path,
      {
        config: { access: c.regions.access, cache: ['registry', 'audit'] },
        schema: {
          tags,
          summary: 'Open data by region: institutions, coverage, mean score, pages by level (JSON or CSV)',
          querystring: c.regions.query,
          response: { 200: c.regions.response, ...errorResponses },
        },
      },
      async (request, reply) => send(reply, await openData(db, 'region'), request.query),
    );

    app.get(
      c.municipalities.path,
      {
        config: { access: c.municipalities.access, cache: ['registry', 'audit'] },
        schema: {
          tags,
          summary: 'Open data by municipality of one region (JSON or CSV)',
          params: c.municipalities.params,
          querystring: c.municipalities.query,
          response: { 200: c.municipalities.response, ...errorResponses },
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
