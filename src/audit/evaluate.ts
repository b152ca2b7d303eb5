// Evaluates one page against one methodology version: every rule runs alone (a throwing rule gives
// status "error" and nothing else fails), then the scores. Pure: no I/O.
import type {
  Evidence,
  FactSource,
  MethodologyVersion,
  PageArtifacts,
  Period,
  RuleContext,
  Unknown,
} from '../methodology/index.ts';
import { rules as implementations } from '../methodology/index.ts';
import { type PageScore, type ScoredRule, scorePage, scoreRule } from './score.ts';

export type RuleOutcome = ScoredRule & {
  evidence: Evidence[];
  vars: Record<string, string | number>;
  error?: string;
  unknown?: Unknown;
  source?: FactSource;
};

export type PageAudit = { pageId: number; rules: RuleOutcome[]; score: PageScore };

const DAY = 86_400;

/** School holidays of the version (MM-DD ranges) that overlap the period, as unix-second ranges. */
export function holidaysIn(
  version: Pick<MethodologyVersion, 'holidays'>,
  period: Period,
): [number, number][] {
  const out: [number, number][] = [];
  const firstYear = new Date(period.start * 1000).getUTCFullYear() - 1;
  const lastYear = new Date(period.end * 1000).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const [from, to] of version.holidays) {
      const start = Date.parse(`${year}-${from}T00:00:00Z`) / 1000;
      const endYear = to < from ? year + 1 : year;
      const end = Date.parse(`${endYear}-${to}T00:00:00Z`) / 1000 + DAY;
      if (start < period.end && end > period.start) out.push([start, end]);
    }
  }
  return out;
}

export function evaluatePage(
  version: MethodologyVersion,
  artifacts: PageArtifacts,
  ctx: RuleContext,
): PageAudit {
  const outcomes: RuleOutcome[] = version.rules.map((entry) => {
    const rule = implementations.get(entry.id);
    try {
      if (!rule) throw new Error(`no implementation for rule ${entry.id}`);
      const result = rule.evaluate(artifacts, entry.params, ctx);
      return {
        ...scoreRule(entry, result, version.scoring),
        evidence: result.evidence,
        vars: result.vars ?? {},
        ...(result.unknown ? { unknown: result.unknown } : {}),
        ...(result.source ? { source: result.source } : {}),
      };
    } catch (error) {
      return {
        id: entry.id,
        status: 'error',
        value: null,
        score: null,
        evidence: [],
        vars: {},
        error: (error as Error).message,
      };
    }
  });
  return { pageId: artifacts.page.id, rules: outcomes, score: scorePage(version, outcomes) };
}
