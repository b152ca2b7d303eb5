// A page's report card from a stored run: total, level, categories, every rule with status and value, the
// percentile of numeric values among pages of the same kind in the region, and the recommendations. Judged by
// the methodology content stored with the run, so a report never changes when the files do.

import type { Evidence, FactSource, MethodologyVersion, RuleStatus, Unknown } from '../methodology/index.ts';
import { rules as implementations } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Lang } from '../platform/i18n.ts';
import type { Scope } from '../platform/scope.ts';
import { findPageResult, peerStats, recordedVersionContent } from './audit-run.repo.ts';
import type { RuleOutcome } from './evaluate.ts';
import { RULE_FACTS } from './page-facts.service.ts';
import { percentileOf } from './peer-stats.ts';
import { type Recommendation, recommend } from './recommend.ts';
import { peerSentence, ruleName, ruleTitle } from './rule-text.ts';
import { sourceText, unknownText } from './unknown-text.ts';

/** The fewest pages of a kind in a region (the page included) whose values a page is compared with. */
const MIN_PEERS = 5;

export type PageReport = {
  pageId: number;
  runId: number;
  version: string;
  period: { start: number; end: number };
  total: number;
  level: string;
  levelTitle: string;
  categories: { id: string; title: string; score: number | null }[];
  rules: {
    id: string;
    category: string;
    /** The rule's one positive name in this run's version, the same whatever the status. */
    name: string;
    title: string;
    status: RuleStatus;
    value: number | null;
    score: number | null;
    percentile: number | null;
    /** The percentile in words: "below" only under the median. */
    peers?: string;
    evidence: Evidence[];
    /** When the status is `unknown`: the missing fact, how to supply it, and the sentence that says so. */
    unknown?: Unknown & { text: string };
    /** The fact an operator may record by hand for this rule (and its largest value), when there is one. */
    check?: { fact: string; max: 1 | 2 };
    /** Where the judged fact came from when not VK's profile, with the sentence the card shows. */
    source?: FactSource & { text: string };
  }[];
  /** Rules left out of the scores because their input is unknown, shown apart on the card. */
  unknownRules: string[];
  recommendations: Recommendation[];
};

/** Recorded versions never change (their hash is part of the key), so each is parsed once per process. */
const versions = new Map<string, MethodologyVersion>();

async function recordedVersion(db: Db, id: string, hash: string, runId: number): Promise<MethodologyVersion> {
  const key = `${id}|${hash}`;
  const cached = versions.get(key);
  if (cached) return cached;
  const content = await recordedVersionContent(db, id, hash);
  if (!content) throw new AppError('NOT_FOUND', `methodology ${id} of run ${runId} is not recorded`);
  const version = JSON.parse(content) as MethodologyVersion;
  versions.set(key, version);
  return version;
}

/** The report of a page inside the caller's scope; a page outside it is reported as not found. */
export async function pageReport(
  db: Db,
  scope: Scope,
  pageId: number,
  lang: Lang,
  runId?: number,
): Promise<PageReport> {
  const result = await findPageResult(db, scope, pageId, runId);
  if (!result)
    throw new AppError('NOT_FOUND', `no finished audit of page ${pageId}${runId ? ` in run ${runId}` : ''}`);
  const version = await recordedVersion(
    db,
    result.methodology_version,
    result.methodology_hash,
    result.run_id,
  );
  const outcomes = Object.entries(
    JSON.parse(result.results_json) as Record<string, Omit<RuleOutcome, 'id'>>,
  ).map(([id, r]) => ({ ...r, id, evidence: r.evidence ?? [], vars: r.vars ?? {} }) as RuleOutcome);
  // A comparison needs peers: a group of fewer than MIN_PEERS pages (the page among them) says nothing ("better
  // than 0 in 10" of a page alone in its group), so its rules carry no percentile.
  const peers = new Map(
    (await peerStats(db, result.run_id, result.region_code ?? '-', result.kind ?? '-'))
      .filter((s) => s.n >= MIN_PEERS)
      .map((s) => [s.rule_id, JSON.parse(s.quantiles_json) as number[]]),
  );
  const categories = JSON.parse(result.categories_json) as Record<string, number | null>;
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  return {
    pageId,
    runId: result.run_id,
    version: version.id,
    period: { start: result.period_start, end: result.period_end },
    total: result.total,
    level: result.level,
    levelTitle: version.levels.find((l) => l.id === result.level)?.title[lang] ?? result.level,
    categories: version.categories.map((c) => ({
      id: c.id,
      title: c.title[lang],
      score: categories[c.id] ?? null,
    })),
    rules: version.rules.map((r) => {
      const o = byId.get(r.id);
      const q = peers.get(r.id);
      const value = o?.value ?? null;
      const lowerIsBetter = implementations.get(r.id)?.value?.lowerIsBetter ?? false;
      const percentile = value !== null && q ? percentileOf(value, q, lowerIsBetter) : null;
      return {
        id: r.id,
        category: r.category,
        name: ruleName(r, lang),
        title: ruleTitle(r, o?.status ?? 'na', lang),
        status: o?.status ?? 'na',
        value,
        score: o?.score ?? null,
        percentile,
        // For rules where less is better (days of silence, hours to answer) a high percentile is worse.
        ...(percentile !== null
          ? {
              peers: peerSentence(lowerIsBetter ? 100 - percentile : percentile, lang),
            }
          : {}),
        evidence: o?.evidence ?? [],
        ...(o?.unknown ? { unknown: { ...o.unknown, text: unknownText(o.unknown, lang) } } : {}),
        ...(o?.source ? { source: { ...o.source, text: sourceText(o.source, lang) } } : {}),
        ...(RULE_FACTS[r.id] ? { check: RULE_FACTS[r.id] } : {}),
      };
    }),
    unknownRules: outcomes.filter((o) => o.status === 'unknown').map((o) => o.id),
    recommendations: recommend(version, outcomes, lang, result.period_end),
  };
}
