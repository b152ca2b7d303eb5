// GET /api/pages/:id/network-report: the report card of an OK group or a MAX channel (judged when asked).
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { networkPageReport } from './network-report.service.ts';

const networkReportSchema = z.object({
  pageId: z.number().int(),
  network: z.enum(['ok', 'max']),
  url: z.string(),
  status: z.string(),
  version: z.string(),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
  collectedAt: z.number().int().nullable(),
  total: z.number().nullable(),
  level: z.string().nullable(),
  facts: z.array(
    z.object({
      fact: z.string(),
      value: z.union([z.boolean(), z.string()]).nullable(),
      source: z.string().nullable(),
    }),
  ),
  rules: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      title: z.string(),
      status: z.string(),
      value: z.number().nullable(),
      applies: z.boolean(),
      why: z.string().optional(),
    }),
  ),
  institution: z
    .object({
      required: z.array(z.string()),
      present: z.record(z.string(), z.boolean()),
      meetsLegalDuty: z.boolean(),
    })
    .nullable(),
});
export type NetworkReportView = z.output<typeof networkReportSchema>;

export function networkReportRoutes(db: Db) {
  return (app: App) => {
    app.get(
      '/api/pages/:id/network-report',
      {
        config: { access: 'data.read', cache: ['registry', 'collection'] },
        schema: {
          tags: ['audit'],
          summary:
            'The card of an OK group or a MAX channel: its facts with their source, the rules that apply on its network (the rest not applicable, with why), the institution’s presence per network',
          params: idParam,
          querystring: z.object({ lang: z.enum(['ru', 'en']).default('ru') }),
          response: { 200: networkReportSchema, ...errorResponses },
        },
      },
      async (request) =>
        networkPageReport(db, principalOf(request).scope, request.params.id, request.query.lang),
    );
  };
}
