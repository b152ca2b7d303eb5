// Recommendations from results: each failed or warned rule becomes advice that cites the rule and fills its
// template with the evidence. Ordered critical first, then by impact × ease. Pure.

import type { MethodologyVersion, RuleEntry } from '../methodology/index.ts';
import type { Lang } from '../platform/i18n.ts';
import type { RuleOutcome } from './evaluate.ts';

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

// Codes rules put in their values (the contacts a page lacks), in the reader's language.
const TERMS: Record<string, { ru: string; en: string }> = {
  address: { ru: 'почтовый адрес', en: 'postal address' },
  phone: { ru: 'телефон', en: 'phone' },
  email: { ru: 'e-mail', en: 'e-mail' },
};

function term(value: string | number, lang: Lang): string {
  if (typeof value !== 'string') return String(value);
  return value
    .split(', ')
    .map((part) => TERMS[part]?.[lang] ?? part)
    .join(', ');
}

export function fillTemplate(
  template: string,
  vars: Record<string, string | number>,
  lang: Lang = 'ru',
): string {
  return template
    .replace(/\{(\w+)\}/g, (match, name: string) =>
      name in vars ? term(vars[name] as string | number, lang) : match,
    )
    .trim();
}

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
      title: entry.failureTitle[lang],
      text: fillTemplate(entry.recommendation[lang], vars, lang),
      section: `methodology/${version.id}#${entry.category}`,
      priority: SEVERITY_WEIGHT[entry.severity] * 1000 + impact * EASE[entry.effort],
    });
  }
  return out.sort((a, b) => b.priority - a.priority).slice(0, limit);
}
