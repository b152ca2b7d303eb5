// Recommendations from results: each failed or warned rule becomes advice that cites the rule and fills its
// template with the evidence. Ordered critical first, then by impact × ease. Pure.

import type { MethodologyVersion, RuleEntry } from '../methodology/index.ts';
import type { Lang } from '../platform/i18n.ts';
import type { RuleOutcome } from './evaluate.ts';
import { ruleRecommendation, ruleTitle } from './rule-text.ts';

export type Recommendation = {
  ruleId: string;
  severity: RuleEntry['severity'];
  status: 'fail' | 'warn';
  title: string;
  text: string;
  /** Link to the methodology section the rule belongs to. */
  section: string;
  priority: number;
};

const SEVERITY_WEIGHT = { critical: 4, serious: 3, moderate: 2, minor: 1 } as const;
const EASE = { low: 3, medium: 2, high: 1 } as const;

function ideaFor(version: MethodologyVersion, entry: RuleEntry, lang: Lang, month: string): string {
  if (!entry.ideas) return '';
  const ideas = version.ideas[entry.ideas];
  return (ideas?.[month] ?? ideas?.default)?.[lang] ?? '';
}

export function recommend(
  version: MethodologyVersion,
  outcomes: RuleOutcome[],
  lang: Lang,
  periodEnd: number,
  limit = 10,
): Recommendation[] {
  const month = String(new Date(periodEnd * 1000).getUTCMonth() + 1).padStart(2, '0');
  const category = new Map(version.categories.map((c) => [c.id, c.weight]));
  const byId = new Map(version.rules.map((r) => [r.id, r]));
  const out: Recommendation[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== 'fail' && outcome.status !== 'warn') continue;
    const entry = byId.get(outcome.id);
    if (!entry) continue;
    const impact = entry.weight * (category.get(entry.category) ?? 1) * (1 - (outcome.score ?? 0));
    const vars = { ...outcome.vars, idea: ideaFor(version, entry, lang, month) };
    out.push({
      ruleId: entry.id,
      severity: entry.severity,
      status: outcome.status,
      title: ruleTitle(entry, outcome.status, lang),
      text: ruleRecommendation(entry, outcome.status, vars, lang),
      section: `methodology/${version.id}#${entry.category}`,
      priority: SEVERITY_WEIGHT[entry.severity] * 1000 + impact * EASE[entry.effort],
    });
  }
  return out.sort((a, b) => b.priority - a.priority).slice(0, limit);
}
