// Thin HTTP adapters over methodology versions: the list, and one version with its rules, levels, sources and
// text, in the reader's language.
import { z } from 'zod';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { shownLevels } from './levels.ts';
import { listVersionIds, type MethodologyVersion, shippedVersion } from './methodology.loader.ts';
import { fillTemplate, paramVars } from './template.ts';

const tags = ['methodology'];
const lang = z.object({ lang: z.enum(['ru', 'en']).default('ru') });

const levelSchema = z.object({ id: z.string(), title: z.string(), color: z.string() });

const summarySchema = z.object({
  id: z.string(),
  status: z.string(),
  published: z.string().nullable(),
  title: z.string(),
  hash: z.string(),
  rules: z.number().int(),
  /** From the best down, with their colours: what badges and charts show for runs of this version. */
  levels: z.array(levelSchema),
});

const versionSchema = summarySchema.extend({
  defaultPeriodDays: z.number().int(),
  categories: z.array(z.object({ id: z.string(), title: z.string(), weight: z.number() })),
  rules: z.number().int(),
  ruleList: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      weight: z.number(),
      severity: z.string(),
      effort: z.string(),
      title: z.string(),
      rationale: z.string(),
      help: z.string(),
      params: z.record(z.string(), z.unknown()),
      /** Parameters that are our proposal rather than a source's number. */
      proposed: z.array(z.string()),
      sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })),
    }),
  ),
  text: z.string(),
});

function summary(v: MethodologyVersion, l: 'ru' | 'en') {
  return {
    id: v.id,
    status: v.status,
    published: v.published ?? null,
    title: v.title[l],
    hash: v.hash,
    rules: v.rules.length,
    levels: shownLevels(v).map((x) => ({ id: x.id, title: x.title[l], color: x.color })),
  };
}

export function methodologyRoutes() {
  return (app: App) => {
    app.get(
      '/api/methodology/versions',
      {
        config: { access: 'methodology.read' },
        schema: {
          tags,
          summary: 'Methodology versions',
          querystring: lang,
          response: { 200: z.object({ items: z.array(summarySchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: listVersionIds().map((id) => summary(shippedVersion(id), request.query.lang)),
      }),
    );

    app.get(
      '/api/methodology/versions/:id',
      {
        config: { access: 'methodology.read' },
        schema: {
          tags,
          summary: 'One methodology version: categories, levels, rules with thresholds and sources, the text',
          params: z.object({ id: z.string().min(1).max(40) }),
          querystring: lang,
          response: { 200: versionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const v = shippedVersion(request.params.id);
        const l = request.query.lang;
        reply.header('cache-control', 'public, max-age=300');
        return {
          ...summary(v, l),
          defaultPeriodDays: v.defaultPeriodDays,
          categories: v.categories.map((c) => ({ id: c.id, title: c.title[l], weight: c.weight })),
          ruleList: v.rules.map((r) => {
            // Thresholds in the texts are the version's own: a 5-posts version says 5, never a placeholder.
            const fill = (t: { ru: string; en: string }) => fillTemplate(t[l], paramVars(r.params), l);
            return {
              id: r.id,
              category: r.category,
              weight: r.weight,
              severity: r.severity,
              effort: r.effort,
              title: fill(r.title),
              rationale: fill(r.rationale),
              help: fill(r.help),
              params: r.params,
              proposed: r.proposed ?? [],
              sources: r.source.map((s) => ({
                id: s,
                title: v.sources[s]?.title[l] ?? s,
                url: v.sources[s]?.url ?? '',
              })),
            };
          }),
          text: v.text[l],
        };
      },
    );
  };
}
