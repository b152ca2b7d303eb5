// What the audit of a whole world must hold, for any run: every rule it judges automatically met by some page and
// missed by another, and no page told it is "below similar pages" when its value is at or above their median.
import { pageReport, type RuleOutcome } from '../src/audit/index.ts';
import { type MethodologyVersion, rules } from '../src/methodology/index.ts';
import type { Db } from '../src/platform/db.ts';
import { LANGS } from '../src/platform/i18n.ts';
import { COUNTRY } from '../src/platform/scope.ts';

export type PageRun = { id: number; url: string; total: number; level: string; outcomes: RuleOutcome[] };

/** The run's pages, in URL order, each with its total, level and rule outcomes. */
export async function runPages(db: Db, runId: number): Promise<PageRun[]> {
  const rows = await db.kysely
    .selectFrom('audit_page_results')
    .innerJoin('pages', 'pages.id', 'audit_page_results.page_id')
    .select(['pages.id', 'pages.url', 'total', 'level', 'results_json'])
    .where('run_id', '=', runId)
    .orderBy('pages.url')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    total: r.total,
    level: r.level,
    outcomes: Object.entries(JSON.parse(r.results_json) as Record<string, Omit<RuleOutcome, 'id'>>).map(
      ([id, o]) => ({ ...o, id, vars: o.vars ?? {}, evidence: o.evidence ?? [] }),
    ),
  }));
}

/** Rules of the version that no page passes, or that no page misses (rules only a person can judge aside). */
export function unmetOrUnmissed(version: MethodologyVersion, pages: PageRun[]): string[] {
  const missing: string[] = [];
  for (const entry of version.rules) {
    const statuses = pages.map((p) => p.outcomes.find((o) => o.id === entry.id)?.status);
    if (statuses.every((s) => s === 'unknown')) continue; // facts only a person or the export supplies
    if (!statuses.includes('pass')) missing.push(`${entry.id}: no page passes`);
    if (!statuses.some((s) => s === 'fail' || s === 'warn')) missing.push(`${entry.id}: no page misses`);
  }
  return missing;
}

/**
 * Every "below similar pages" the cards of the run say, in ru and en, against the peers' median: `wrong` lists
 * those said of a value at or above it; `below` counts them all (a test wants some, or it proves nothing).
 */
export async function belowTheMedian(
  db: Db,
  runId: number,
  pages: PageRun[],
): Promise<{ below: number; wrong: string[] }> {
  const medians = new Map(
    (
      await db.kysely
        .selectFrom('audit_peer_stats')
        .select(['region_code', 'kind', 'rule_id', 'quantiles_json'])
        .where('run_id', '=', runId)
        .execute()
    ).map((r) => [
      `${r.region_code}|${r.kind}|${r.rule_id}`,
      (JSON.parse(r.quantiles_json) as number[])[10] ?? 0,
    ]),
  );
  const places = new Map(
    (
      await db.kysely
        .selectFrom('audit_page_results')
        .select(['page_id', 'region_code', 'kind'])
        .where('run_id', '=', runId)
        .execute()
    ).map((r) => [r.page_id, `${r.region_code ?? '-'}|${r.kind ?? '-'}`]),
  );
  const wrong: string[] = [];
  let below = 0;
  for (const lang of LANGS)
    for (const page of pages) {
      const report = await pageReport(db, COUNTRY, page.id, lang, runId);
      for (const r of report.rules) {
        if (!r.peers || r.value === null || !/Ниже|отстающих|Below|lowest/.test(r.peers)) continue;
        below++;
        const median = medians.get(`${places.get(page.id)}|${r.id}`);
        if (median === undefined) throw new Error(`no peers of ${r.id} for page ${page.id}`);
        const better = rules.get(r.id)?.value?.lowerIsBetter ? r.value < median : r.value > median;
        if (better || r.value === median)
          wrong.push(`${page.url} ${r.id} ${r.value} vs median ${median}: ${r.peers}`);
      }
    }
  return { below, wrong };
}
