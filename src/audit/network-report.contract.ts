// The API of an OK group's or a MAX channel's report card, as data: the route registers from here; the web app's
// client is typed from it (type-only).
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';

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

export const networkReportContract = {
  report: route({
    method: 'GET',
    path: '/api/pages/:id/network-report',
    access: 'data.read',
    params: z.object({ id: z.coerce.number().int().positive() }),
    query: z.object({ lang: z.enum(['ru', 'en']).default('ru') }),
    response: networkReportSchema,
  }),
};
