// What `methodology lint` proves beyond the schema: each rule can pass and fail on values real pages reach,
// a numeric rule judged by a curve has one, and every placeholder of every text is filled for the statuses that
// show it. Pure: the loader runs it on every version it loads.
import type { Problem } from './methodology.loader.ts';
import { rules as implementations } from './rules/index.ts';
import type { Rule } from './rules/rule.ts';
import { PLURAL_FORMS, placeholders } from './template.ts';
import type { RuleEntry, Scoring, VersionData } from './version.schema.ts';

type Judged = 'pass' | 'warn' | 'fail';
type TextField = 'title' | 'failureTitle' | 'warnTitle' | 'recommendation' | 'warnRecommendation';

/** Pass at or above a curve's pass score; the same arithmetic as src/audit/score.ts, kept here to stay pure. */
function curveScore(scoring: Scoring, value: number): number | null {
  if (scoring.type === 'log-normal') {
    if (value <= 0) return 0;
    const sigma = (Math.log(scoring.median) - Math.log(scoring.p10)) / 1.2815515655446004;
    const z = (Math.log(value) - Math.log(scoring.median)) / sigma;
    return 0.5 * (1 + erf(z / Math.SQRT2));
  }
  if (scoring.type === 'bands')
    return [...scoring.bands].sort((a, b) => b[0] - a[0]).find(([min]) => value >= min)?.[1] ?? 0;
  return null;
}

function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    t *
      (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
      Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/** The statuses a rule of this version can end with (besides na and unknown). */
export function statusesOf(rule: Rule, entry: Pick<RuleEntry, 'scoring'>): Judged[] {
  const curve = entry.scoring?.type === 'log-normal' || entry.scoring?.type === 'bands';
  return curve || rule.canWarn ? ['pass', 'warn', 'fail'] : ['pass', 'fail'];
}

function provePassAndFail(
  rule: Rule,
  entry: RuleEntry,
  v: VersionData,
  at: (field: string, message: string) => void,
): void {
  const domain = rule.value;
  if (!domain) return;
  const best = domain.lowerIsBetter ? domain.min : domain.max;
  const worst = domain.lowerIsBetter ? domain.max : domain.min;
  const range = `[${domain.min}, ${domain.max}]`;
  if (domain.threshold) {
    const t = entry.params[domain.threshold];
    if (typeof t !== 'number') return;
    const passes = domain.lowerIsBetter ? best <= t : best >= t;
    const fails = domain.lowerIsBetter ? worst > t : worst < t;
    if (!passes || !fails)
      at(
        `params.${domain.threshold}`,
        `${t} leaves no value in the reachable range ${range} that ${passes ? 'fails' : 'passes'}`,
      );
    return;
  }
  const scoring = entry.scoring;
  if (!scoring || scoring.type === 'binary' || scoring.type === 'ratio') {
    at('scoring', 'a numeric rule judged by its value needs a scoring curve (log-normal or bands)');
    return;
  }
  const top = curveScore(scoring, best) ?? 0;
  const bottom = curveScore(scoring, worst) ?? 0;
  if (top < v.scoring.passScore)
    at(
      'scoring',
      `cannot pass: the best reachable value ${best} scores ${top.toFixed(2)} < ${v.scoring.passScore}`,
    );
  if (bottom >= v.scoring.passScore)
    at('scoring', `cannot fail: the worst reachable value ${worst} scores ${bottom.toFixed(2)}`);
}

/** Which texts show for which statuses: the recommendation serves warn too unless a warnRecommendation does. */
function textsByStatus(entry: RuleEntry, statuses: Judged[]): [TextField, Judged[]][] {
  const warns = statuses.includes('warn');
  return [
    ['title', ['pass']],
    ['failureTitle', ['fail']],
    ['warnTitle', warns ? ['warn'] : []],
    ['recommendation', warns && !entry.warnRecommendation ? ['fail', 'warn'] : ['fail']],
    ['warnRecommendation', warns ? ['warn'] : []],
  ];
}

function checkTexts(rule: Rule, entry: RuleEntry, at: (field: string, message: string) => void): void {
  const statuses = statusesOf(rule, entry);
  if (statuses.includes('warn') && !entry.warnTitle)
    at('warnTitle', 'the rule can warn: give a title that does not contradict a partial value');
  for (const [field, shownFor] of textsByStatus(entry, statuses)) {
    const text = entry[field];
    if (!text) continue;
    for (const lang of ['ru', 'en'] as const)
      for (const p of placeholders(text[lang])) {
        if (p.forms && p.forms.length !== PLURAL_FORMS[lang])
          at(`${field}.${lang}`, `${p.raw}: ${lang} needs ${PLURAL_FORMS[lang]} word forms`);
        if (p.name === 'idea') continue;
        if (p.name.startsWith('param.')) {
          if (!(p.name.slice(6) in entry.params)) at(`${field}.${lang}`, `${p.raw}: no such parameter`);
          continue;
        }
        for (const status of shownFor)
          if (!rule.vars?.[status]?.includes(p.name))
            at(`${field}.${lang}`, `${p.raw} is not filled when the rule's status is ${status}`);
      }
  }
}

export function lintRules(file: string, v: VersionData): Problem[] {
  const problems: Problem[] = [];
  for (const entry of v.rules) {
    const rule = implementations.get(entry.id);
    if (!rule) continue;
    const at = (field: string, message: string) => problems.push({ file, rule: entry.id, field, message });
    provePassAndFail(rule, entry, v, at);
    checkTexts(rule, entry, at);
  }
  // The readers' order of levels names each level exactly once.
  if (v.levelOrder) {
    const ids = v.levels.map((l) => l.id);
    const order = v.levelOrder;
    if (order.length !== ids.length || ids.some((id) => !order.includes(id)))
      problems.push({ file, field: 'levelOrder', message: `must list each level once: ${ids.join(', ')}` });
  }
  return problems;
}
