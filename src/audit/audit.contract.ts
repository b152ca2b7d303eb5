// The audit API as data: audit runs, a page's report card, and the facts VK does not tell (recorded checks and
// the region's export). The routes register from here; the web app's client is typed from it (type-only).
import { z } from 'zod';
import { isoDate } from '../platform/calendar-date.ts';
import { reply, route } from '../platform/http/contract.ts';
import { idParam, listOf, okBody, pagination, queryFlag } from '../platform/http/schemas.ts';
import { CHECKABLE_FACTS } from './page-facts.service.ts';
import type { PageReport } from './page-report.service.ts';

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

export const reportSchema = z.object({
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

/** The report card as the service makes it: `reportSchema` serialises it, leaving the evidence's union open. */
export type PageReportView = PageReport;

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

export const auditContract = {
  runs: route({
    method: 'GET',
    path: '/api/audit-runs',
    access: 'data.read',
    query: z.object(pagination),
    response: listOf(runSchema),
  }),
  run: route({
    method: 'GET',
    path: '/api/audit-runs/:id',
    access: 'data.read',
    params: idParam,
    response: runSchema.extend({
      pages: z.number().int(),
      meanScore: z.number().nullable(),
      levels: z.record(z.string(), z.number().int()),
    }),
  }),
  pageReport: route({
    method: 'GET',
    path: '/api/pages/:id/report',
    access: 'data.read',
    params: idParam,
    query: z.object({
      run: z.coerce.number().int().positive().optional(),
      lang: z.enum(['ru', 'en']).default('ru'),
    }),
    /** Serialised with `reportSchema`. */
    reply: reply<PageReport>(),
  }),
  facts: route({
    method: 'GET',
    path: '/api/pages/:id/facts',
    access: 'data.read',
    params: idParam,
    response: z.object({ items: z.array(factSchema) }),
  }),
  recordFact: route({
    method: 'POST',
    path: '/api/pages/:id/facts',
    access: 'facts.record',
    params: idParam,
    body: checkBody,
    /** Answered with 201. */
    response: okBody,
  }),
  importFacts: route({
    method: 'POST',
    path: '/api/page-facts/imports',
    access: 'facts.record',
    query: z.object({ dryRun: queryFlag }),
    response: exportReportSchema,
  }),
};
