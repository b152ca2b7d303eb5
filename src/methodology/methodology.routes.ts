// Thin HTTP adapters over methodology versions: the list, and one version with its rules, levels, sources and
// text, in the reader's language.
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { shownLevels } from './levels.ts';
import { methodologyContract } from './methodology.contract.ts';
import { listVersionIds, type MethodologyVersion, shippedVersion } from './methodology.loader.ts';
import { fillTemplate, paramVars } from './template.ts';

const tags = ['methodology'];
const c = methodologyContract;

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
      c.versions.path,
      {
        config: { access: c.versions.access },
        schema: {
          tags,
          summary: 'Methodology versions',
          querystring: c.versions.query,
          response: { 200: c.versions.response, ...errorResponses },
        },
      },
      async (request) => ({
        items: listVersionIds().map((id) => summary(shippedVersion(id), request.query.lang)),
      }),
    );

    app.get(
      c.version.path,
      {
        config: { access: c.version.access },
        schema: {
          tags,
          summary: 'One methodology version: categories, levels, rules with thresholds and sources, the text',
          params: c.version.params,
          querystring: c.version.query,
          response: { 200: c.version.response, ...errorResponses },
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
