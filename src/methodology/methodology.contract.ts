// The methodology's read API as data: the versions, and one version with its rules, levels, sources and text in
// the reader's language. The routes register from here; the web app's client is typed from it (type-only).
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';

const lang = z.object({ lang: z.enum(['ru', 'en']).default('ru') });

const levelSchema = z.object({ id: z.string(), title: z.string(), color: z.string() });

export const versionSummarySchema = z.object({
  id: z.string(),
  status: z.string(),
  published: z.string().nullable(),
  title: z.string(),
  hash: z.string(),
  rules: z.number().int(),
  /** From the best down, with their colours: what badges and charts show for runs of this version. */
  levels: z.array(levelSchema),
});

export const ruleSchema = z.object({
  id: z.string(),
  category: z.string(),
  weight: z.number(),
  severity: z.string(),
  /** low, medium or high: how long meeting the rule takes. */
  effort: z.string(),
  title: z.string(),
  rationale: z.string(),
  help: z.string(),
  params: z.record(z.string(), z.unknown()),
  /** Parameters that are our proposal rather than a source's number. */
  proposed: z.array(z.string()),
  sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })),
});
export type MethodologyRuleView = z.output<typeof ruleSchema>;

export const versionSchema = versionSummarySchema.extend({
  defaultPeriodDays: z.number().int(),
  categories: z.array(z.object({ id: z.string(), title: z.string(), weight: z.number() })),
  rules: z.number().int(),
  ruleList: z.array(ruleSchema),
  text: z.string(),
});
export type MethodologyVersionView = z.output<typeof versionSchema>;

export const methodologyContract = {
  versions: route({
    method: 'GET',
    path: '/api/methodology/versions',
    access: 'methodology.read',
    query: lang,
    response: z.object({ items: z.array(versionSummarySchema) }),
  }),
  version: route({
    method: 'GET',
    path: '/api/methodology/versions/:id',
    access: 'methodology.read',
    params: z.object({ id: z.string().min(1).max(40) }),
    query: lang,
    response: versionSchema,
  }),
};
