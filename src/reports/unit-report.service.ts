// The report of a unit — the country, a region, a municipality or an institution — as of one audit run: the
// summary (pages, mean score, levels, coverage), its child units, the trend over runs, the rule × unit
// compliance heatmap, the largest rises and falls since the previous run, and pages leaving questions
// unanswered, and the dialogue: response times of comments and community messages together and apart. One data
// object for every format (HTML, PDF, XLSX, JSON).
import { doneRunsFor, type GroupBy, type RollupRow, rollup } from '../analytics/index.ts';
import { inboxMetrics, type ResponseMetrics } from '../inbox/index.ts';
import {
  fillTemplate,
  loadVersion,
  type MethodologyVersion,
  paramVars,
  shownLevels,
} from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import type { Lang } from '../platform/i18n.ts';
import { notFound, type Scope, scopeKey, scopeWithin, unitId } from '../platform/scope.ts';
import { regionVersion } from '../registry/index.ts';
import {
  institutionPages,
  movers,
  ruleStatsBy,
  trendOf,
  unansweredPages,
  unitName,
} from './unit-report.repo.ts';

export type Text = { ru: string; en: string };
export type RunRef = { id: number; version: string; periodStart: number; periodEnd: number };
export type Mover = {
  pageId: number;
  url: string;
  institution: string | null;
  before: number;
  after: number;
  levelBefore: string;
  levelAfter: string;
};

export type UnitReport = {
  unit: { key: string; level: Scope['level']; name: Text };
  run: RunRef | null;
  previous: RunRef | null;
  generatedAt: number;
  /** The run's version's levels from the best down, with their colours. */
  levels: { id: string; title: Text; color: string }[];
  summary: Omit<RollupRow, 'key' | 'nameRu' | 'nameEn'>;
  /** Regions of the country, municipalities of a region; empty below. */
  children: RollupRow[];
  trend: { runId: number; periodEnd: number; meanScore: number; pages: number }[];
  heatmap: {
    /** What the rows are: regions, municipalities, kinds of institution, or the institution's pages. */
    by: 'region' | 'municipality' | 'kind' | 'page';
    rules: { id: string; title: Text; category: string }[];
    rows: { key: string; name: Text; rates: (number | null)[] }[];
  };
  movers: { up: Mover[]; down: Mover[] };
  /** The units one level below (regions of the country, municipalities of a region) by change of mean score
   * since the previous period, the biggest fall first; empty below a region or without a previous period. */
  unitMovers: { key: string; name: Text; before: number; after: number }[];
  unanswered: {
    pageId: number;
    url: string;
    institution: string | null;
    unanswered: number;
    questions: number;
    oldest: string | null;
  }[];
  /**
   * Response times in the run's period (the inbox's metrics, in working hours): comments and community messages
   * together, and each apart. Counts only: no text of a message reaches a report.
   */
  dialogue: { total: ResponseMetrics; comments: ResponseMetrics; messages: ResponseMetrics };
};

const ROUND = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

type RunRow = Awaited<ReturnType<typeof doneRunsFor>>[number];

const ref = (r: RunRow | undefined): RunRef | null =>
  r
    ? { id: r.id, version: r.methodology_version, periodStart: r.period_start, periodEnd: r.period_end }
    : null;

/**
 * The runs a report of `unit` is made of: its run (the newest period first — a past period audited later is not
 * "the newest audit" — then the newest run, under the version the unit's region is judged by, else the newest of
 * any), the runs of that version's last 8 periods for the trend, and the previous period's run for movers.
 */
async function reportRuns(db: Db, unit: Scope, endingBy: number | undefined) {
  const all = (await doneRunsFor(db, unit, 40, endingBy)).sort(
    (a, b) => b.period_end - a.period_end || b.id - a.id,
  );
  const own = await regionVersion(db, unit.level === 'country' ? null : unit.regionCode);
  const [runRow] = all.some((r) => r.methodology_version === own)
    ? all.filter((r) => r.methodology_version === own)
    : all;
  const runs = all.filter((r) => r.methodology_version === runRow?.methodology_version);
  // Over periods, not runs: a period audited again counts once (its newest run), and the run compared with is
  // the newest one of an earlier period.
  const byPeriod = new Map<number, RunRow>();
  for (const r of runs) if (!byPeriod.has(r.period_end)) byPeriod.set(r.period_end, r);
  const periods = [...byPeriod.values()]
    .filter((r) => runRow && r.period_end <= runRow.period_end)
    .sort((a, b) => a.period_end - b.period_end)
    .slice(-8);
  const previousRow = runRow
    ? [...periods].reverse().find((r) => r.period_end < runRow.period_end)
    : undefined;
  return { runRow, periods, previousRow };
}

/**
 * Which runs the report of `unit` would show (its run and the previous period's), without making it: what a
 * cache of rendered reports is keyed and checked by. NOT_FOUND outside the caller's scope.
 */
export async function unitReportRuns(
  db: Db,
  caller: Scope,
  unit: Scope,
  endingBy?: number,
): Promise<{ run: RunRef | null; previous: RunRef | null }> {
  if (!scopeWithin(unit, caller)) throw notFound(unit.level, unitId(unit));
  const { runRow, previousRow } = await reportRuns(db, unit, endingBy);
  return { run: ref(runRow), previous: ref(previousRow) };
}

/** The report of `unit`, which must lie in the caller's scope (else NOT_FOUND, as for anything unseen). */
export async function unitReport(
  db: Db,
  caller: Scope,
  unit: Scope,
  options: { endingBy?: number | undefined; load?: (id: string) => MethodologyVersion } = {},
): Promise<UnitReport> {
  const name = scopeWithin(unit, caller) ? await unitName(db, unit) : null;
  if (!name) throw notFound(unit.level, unitId(unit));
  const { runRow, periods, previousRow } = await reportRuns(db, unit, options.endingBy);
  const by: GroupBy = unit.level === 'country' ? 'region' : 'municipality';
  const regionCode = unit.level === 'country' ? undefined : unit.regionCode;
  // Summed over the run this report is of, not whichever run rollup would pick on its own.
  const totals = await rollup(db, unit, by, regionCode, runRow ?? null);
  const version = runRow ? (options.load ?? loadVersion)(runRow.methodology_version) : null;
  const run = ref(runRow);
  const previous = ref(previousRow);
  const trend = run
    ? await trendOf(
        db,
        unit,
        periods.map((r) => r.id),
      )
    : [];
  return {
    unit: { key: scopeKey(unit), level: unit.level, name },
    run,
    previous,
    generatedAt: Math.floor(Date.now() / 1000),
    levels: version ? shownLevels(version) : [],
    summary: totals.total,
    children: unit.level === 'country' || unit.level === 'region' ? totals.rows : [],
    trend: trend.map((t) => ({
      runId: t.run_id,
      periodEnd: t.period_end,
      meanScore: ROUND(Number(t.mean)),
      pages: Number(t.pages),
    })),
    heatmap:
      run && version
        ? await heatmap(db, unit, run.id, version, totals.rows)
        : { by: 'page', rules: [], rows: [] },
    unitMovers: await unitMovers(db, unit, by, regionCode, totals.rows, previousRow ?? null),
    movers:
      run && previous
        ? {
            up: (await movers(db, unit, run.id, previous.id, 'up', 10)).map(mover),
            down: (await movers(db, unit, run.id, previous.id, 'down', 10)).map(mover),
          }
        : { up: [], down: [] },
    unanswered: run
      ? (await unansweredPages(db, unit, run.id, 10)).map((u) => ({
          pageId: u.page_id,
          url: u.url,
          institution: u.full_name,
          unanswered: u.unanswered,
          questions: u.questions,
          oldest: u.oldest,
        }))
      : [],
    dialogue: await dialogueOf(db, unit, run),
  };
}

/** The inbox's response-time metrics of the unit over the run's period (the last 30 days without a run). */
async function dialogueOf(db: Db, unit: Scope, run: RunRef | null): Promise<UnitReport['dialogue']> {
  const end = run?.periodEnd ?? Math.floor(Date.now() / 1000);
  const days = run ? Math.min(365, Math.max(1, Math.ceil((run.periodEnd - run.periodStart) / 86_400))) : 30;
  const m = await inboxMetrics(db, { userId: 0, scope: unit }, { days }, end);
  return { total: m.total, comments: m.byKind.comments, messages: m.byKind.messages };
}

/** Child units' change of mean score between the previous period's run and this one. */
async function unitMovers(
  db: Db,
  unit: Scope,
  by: GroupBy,
  regionCode: string | undefined,
  rows: RollupRow[],
  previousRun: Parameters<typeof rollup>[4],
): Promise<UnitReport['unitMovers']> {
  if (!previousRun || (unit.level !== 'country' && unit.level !== 'region')) return [];
  const before = new Map((await rollup(db, unit, by, regionCode, previousRun)).rows.map((r) => [r.key, r]));
  return rows
    .flatMap((r) => {
      const was = before.get(r.key)?.meanScore;
      if (r.meanScore === null || was === null || was === undefined) return [];
      return [{ key: r.key, name: { ru: r.nameRu, en: r.nameEn }, before: was, after: r.meanScore }];
    })
    .sort((a, b) => a.after - a.before - (b.after - b.before) || a.key.localeCompare(b.key));
}

function mover(m: Awaited<ReturnType<typeof movers>>[number]): Mover {
  return {
    pageId: m.page_id,
    url: m.url,
    institution: m.full_name,
    before: m.before,
    after: m.after,
    levelBefore: m.levelBefore,
    levelAfter: m.levelAfter,
  };
}

const KIND_NAMES: Record<string, Text> = {
  school: { ru: 'Школы', en: 'Schools' },
  kindergarten: { ru: 'Детские сады', en: 'Kindergartens' },
  college: { ru: 'Колледжи', en: 'Colleges' },
  additional: { ru: 'Доп. образование', en: 'Additional education' },
  '-': { ru: 'Тип не указан', en: 'Kind unknown' },
};

/** Pass rate per child unit and rule, in the methodology's order; rules judged nowhere (manual checks) left out. */
async function heatmap(
  db: Db,
  unit: Scope,
  runId: number,
  version: MethodologyVersion,
  children: RollupRow[],
): Promise<UnitReport['heatmap']> {
  const full = await fullHeatmap(db, unit, runId, version, children);
  const judged = full.rules.map((_, i) => full.rows.some((row) => row.rates[i] !== null));
  return {
    by: full.by,
    rules: full.rules.filter((_, i) => judged[i]),
    rows: full.rows.map((row) => ({ ...row, rates: row.rates.filter((_, i) => judged[i]) })),
  };
}

/** Pass rate (pass / judged) per child unit and rule. */
async function fullHeatmap(
  db: Db,
  unit: Scope,
  runId: number,
  version: MethodologyVersion,
  children: RollupRow[],
): Promise<UnitReport['heatmap']> {
  // Titles with the version's own thresholds ("Не реже 3 постов в неделю"), never its raw template.
  const rules = version.rules.map((r) => {
    const vars = paramVars(r.params);
    const title = { ru: fillTemplate(r.title.ru, vars, 'ru'), en: fillTemplate(r.title.en, vars, 'en') };
    return { id: r.id, title, category: r.category };
  });
  if (unit.level === 'institution') {
    const pages = await institutionPages(db, unit.institutionId, runId);
    return {
      by: 'page',
      rules,
      rows: pages.map((p) => {
        const results = p.results_json
          ? (JSON.parse(p.results_json) as Record<string, { status: string }>)
          : {};
        return {
          key: String(p.id),
          name: { ru: p.url, en: p.url },
          rates: rules.map((r) => {
            const status = results[r.id]?.status;
            return status === 'pass' ? 1 : status === 'warn' ? 0.5 : status === 'fail' ? 0 : null;
          }),
        };
      }),
    };
  }
  const by = unit.level === 'country' ? 'region_code' : unit.level === 'region' ? 'municipality_id' : 'kind';
  const stats = await ruleStatsBy(db, unit, runId, by);
  const cell = new Map(stats.map((s) => [`${s.unit}|${s.rule_id}`, s]));
  const keys =
    by === 'kind'
      ? [...new Set(stats.map((s) => String(s.unit)))].sort()
      : children.filter((c) => c.audited > 0).map((c) => c.key);
  const names = new Map(children.map((c) => [c.key, { ru: c.nameRu, en: c.nameEn }]));
  return {
    by: by === 'region_code' ? 'region' : by === 'municipality_id' ? 'municipality' : 'kind',
    rules,
    rows: keys.map((key) => ({
      key,
      name: (by === 'kind' ? KIND_NAMES[key] : names.get(key)) ?? { ru: key, en: key },
      rates: rules.map((r) => {
        const s = cell.get(`${key}|${r.id}`);
        // A warning counts half, as on an institution's own row.
        return s && Number(s.judged) > 0
          ? ROUND((Number(s.pass) + Number(s.warn) / 2) / Number(s.judged), 3)
          : null;
      }),
    })),
  };
}

export function textOf(text: Text, lang: Lang): string {
  return text[lang];
}
