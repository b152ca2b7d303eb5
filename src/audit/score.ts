// Scoring arithmetic, pure: rule value → 0..1, categories → weighted means, total 0..100 with the critical cap,
// and the level from the version's conditions. The formulas are documented in docs/scoring.md.
import type {
  Comparison,
  Condition,
  MethodologyVersion,
  RuleEntry,
  RuleStatus,
  Scoring,
} from '../methodology/index.ts';

export type ScoredRule = { id: string; status: RuleStatus; value: number | null; score: number | null };

export type PageScore = {
  /** 0..100 (weighted mean) or the points scale of the version. */
  total: number;
  /** Rules whose input was unknown: left out of every denominator. */
  unknown: string[];
  level: string;
  categories: Record<string, number | null>;
  criticalFailed: string[];
};

/** The standard normal CDF, through erf (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const Z_P10 = 1.2815515655446004; // Φ⁻¹(0.9)

/**
 * Higher is better: the score is 0.5 at the peers' median and 0.1 at their 10th percentile, on a log-normal
 * curve (Lighthouse's control points, mirrored for metrics where more is better).
 */
export function logNormalScore(value: number, p10: number, median: number): number {
  if (value <= 0) return 0;
  const sigma = (Math.log(median) - Math.log(p10)) / Z_P10;
  return normalCdf((Math.log(value) - Math.log(median)) / sigma);
}

export function scoreValue(scoring: Scoring, value: number): number {
  switch (scoring.type) {
    case 'ratio':
      return Math.min(1, Math.max(0, value / scoring.target));
    case 'log-normal':
      return logNormalScore(value, scoring.p10, scoring.median);
    case 'bands':
      return [...scoring.bands].sort((a, b) => b[0] - a[0]).find(([min]) => value >= min)?.[1] ?? 0;
    default:
      return value;
  }
}

/** Statuses that carry a score; na, unknown, manual and error weigh nothing. */
const JUDGED = new Set<RuleStatus>(['pass', 'warn', 'fail']);
/** Statuses whose weight leaves the denominator of a points total: the input is not known, not absent. */
const NOT_KNOWN = new Set<RuleStatus>(['unknown', 'manual', 'error']);

const STATUS_SCORE: Partial<Record<RuleStatus, number>> = { pass: 1, warn: 0.5, fail: 0 };

/** A rule's score and final status. Curves and bands also decide the status from the score. */
export function scoreRule(
  entry: Pick<RuleEntry, 'id' | 'scoring'>,
  result: { status: RuleStatus; value: number | null },
  thresholds: { passScore: number; warnScore: number },
): ScoredRule {
  const base = { id: entry.id, value: result.value };
  if (!JUDGED.has(result.status)) return { ...base, status: result.status, score: null };
  const scoring = entry.scoring;
  if (!scoring || scoring.type === 'binary' || result.value === null)
    return { ...base, status: result.status, score: STATUS_SCORE[result.status] ?? 0 };
  const score = round(scoreValue(scoring, result.value), 4);
  if (scoring.type === 'ratio') return { ...base, status: result.status, score };
  const status: RuleStatus =
    score >= thresholds.passScore ? 'pass' : score >= thresholds.warnScore ? 'warn' : 'fail';
  return { ...base, status, score };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function weightedMean(items: { weight: number; score: number | null }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { weight, score } of items) {
    if (score === null || weight === 0) continue;
    sum += weight * score;
    weights += weight;
  }
  return weights === 0 ? null : sum / weights;
}

export function scorePage(version: MethodologyVersion, scored: ScoredRule[]): PageScore {
  const byId = new Map(scored.map((r) => [r.id, r]));
  const categories: Record<string, number | null> = {};
  for (const category of version.categories) {
    const items = version.rules
      .filter((r) => r.category === category.id)
      .map((r) => ({ weight: r.weight, score: byId.get(r.id)?.score ?? null }));
    const mean = weightedMean(items);
    categories[category.id] = mean === null ? null : round(mean, 4);
  }
  let total: number;
  if (version.scoring.total === 'points') {
    // Points a page could not be judged on (unknown input) leave the denominator: the earned points are scaled
    // to the full scale over the rules that were judged. An `na` rule (nothing to judge) still earns nothing.
    const full = version.rules.reduce((s, r) => s + r.weight, 0);
    const known = version.rules.filter((r) => !NOT_KNOWN.has(byId.get(r.id)?.status ?? 'na'));
    const knownWeight = known.reduce((s, r) => s + r.weight, 0);
    const earned = known.reduce((s, r) => s + r.weight * (byId.get(r.id)?.score ?? 0), 0);
    total = knownWeight === 0 ? 0 : (earned * full) / knownWeight;
  } else {
    total =
      100 *
      (weightedMean(version.categories.map((c) => ({ weight: c.weight, score: categories[c.id] ?? null }))) ??
        0);
  }
  const criticalFailed = version.rules
    .filter((r) => r.severity === 'critical' && byId.get(r.id)?.status === 'fail')
    .map((r) => r.id);
  if (criticalFailed.length > 0) total = Math.min(total, version.scoring.criticalCap);
  total = round(Math.min(100, total), 1);
  const level = levelOf(version, { total, categories, criticalFailed, rules: byId });
  const unknown = scored.filter((r) => r.status === 'unknown').map((r) => r.id);
  return { total, unknown, level, categories, criticalFailed };
}

type LevelInput = {
  total: number;
  categories: Record<string, number | null>;
  criticalFailed: string[];
  rules: Map<string, ScoredRule>;
};

export function compare(value: number | null, c: Comparison): boolean {
  if (value === null) return false;
  return (
    (c.gt === undefined || value > c.gt) &&
    (c.gte === undefined || value >= c.gte) &&
    (c.lt === undefined || value < c.lt) &&
    (c.lte === undefined || value <= c.lte)
  );
}

function holds(c: Condition, p: LevelInput): boolean {
  if ('any' in c) return c.any.some((inner) => holds(inner, p));
  if ('total' in c) return compare(p.total, c.total);
  if ('noFailedCritical' in c) return p.criticalFailed.length === 0;
  if ('countOf' in c)
    return (
      c.countOf.rules.filter((id) => compare(p.rules.get(id)?.value ?? null, c.countOf.value)).length >=
      c.atLeast
    );
  if ('category' in c) return compare(p.categories[c.category] ?? null, c.score);
  const rule = p.rules.get(c.rule);
  if (!rule) return false;
  if (c.status && !c.status.includes(rule.status)) return false;
  if (c.missing !== undefined && (rule.value === null) !== c.missing) return false;
  if (c.value && !compare(rule.value, c.value)) return false;
  return true;
}

export function levelOf(version: MethodologyVersion, p: LevelInput): string {
  const level = version.levels.find((l) => l.when.every((c) => holds(c, p)));
  return level?.id ?? (version.levels.at(-1)?.id as string);
}
