// Roll-ups (counts by level, mean score, coverage per region or municipality) and the page list with scores
// and trend, as of the newest finished audit that judged the caller's whole scope.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Scope } from '../platform/scope.ts';
import {
  coveredByUnit,
  cursorOf,
  doneRunsFor,
  type GroupBy,
  levelCountsByUnit,
  listPagesWithScores,
  type PageCursor,
  type PageFilter,
  type PageRow,
  pageHistory,
  registryCounts,
  streamPagesWithScores,
  unitNames,
} from './analytics.repo.ts';
import { storedRegistryUnits, storedRunUnits, type UnitSelection } from './rollup-store.repo.ts';

export type RollupRow = {
  key: string;
  nameRu: string;
  nameEn: string;
  institutions: number;
  withPage: number;
  audited: number;
  covered: number;
  /** Institutions with a page VK marks as a state organisation, as a share of all institutions. */
  coverage: number | null;
  meanScore: number | null;
  levels: Record<string, number>;
};

export type Rollup = {
  run: { id: number; version: string; periodStart: number; periodEnd: number } | null;
  groupBy: GroupBy;
  rows: RollupRow[];
  total: Omit<RollupRow, 'key' | 'nameRu' | 'nameEn'>;
};

export async function rollup(
  db: Db,
  scope: Scope,
  by: GroupBy,
  regionCode?: string,
  /** The run to sum (a report's chosen run; null: none); by default the newest that judged the whole scope. */
  chosen?: DoneRun | null,
  /** Group the results and the registry directly instead of reading the stored roll-ups (tests compare). */
  direct = false,
): Promise<Rollup> {
  const run = chosen === undefined ? (await doneRunsFor(db, scope, 1))[0] : (chosen ?? undefined);
  const rows = new Map<string, RollupRow>();
  const row = (unit: string | number | null) => {
    const key = unit === null ? '-' : String(unit);
    let found = rows.get(key);
    if (!found) {
      found = { key, nameRu: '', nameEn: '', ...emptyCounts() };
      rows.set(key, found);
    }
    return found;
  };
  const sums = new Map<string, number>();
  const units = direct ? null : storedSelection(scope, regionCode);
  if (units) {
    // The pre-computed figures: a few rows by key (units of one key in several regions add up).
    const [registry, figures] = await Promise.all([
      storedRegistryUnits(db, by, units),
      run ? storedRunUnits(db, run.id, by, units) : [],
    ]);
    for (const r of registry) {
      const target = row(r.key);
      target.institutions += r.institutions;
      target.withPage += r.withPage;
    }
    for (const f of figures) {
      const target = row(f.key);
      for (const [level, n] of Object.entries(f.levels))
        target.levels[level] = (target.levels[level] ?? 0) + n;
      target.audited += f.audited;
      target.covered += f.covered;
      sums.set(target.key, (sums.get(target.key) ?? 0) + f.totalSum);
    }
  } else {
    // A municipality's or an institution's scope (few rows), or asked for: grouped directly.
    const [registry, levels, covered] = await Promise.all([
      registryCounts(db, scope, by, regionCode),
      run ? levelCountsByUnit(db, scope, by, run.id, regionCode) : [],
      run ? coveredByUnit(db, scope, by, run.id, regionCode) : [],
    ]);
    for (const r of registry) {
      const target = row(r.unit);
      target.institutions = Number(r.institutions);
      target.withPage = Number(r.with_page ?? 0);
    }
    for (const l of levels) {
      const target = row(l.unit);
      target.levels[l.level] = Number(l.n);
      target.audited += Number(l.n);
      sums.set(target.key, (sums.get(target.key) ?? 0) + Number(l.total_sum ?? 0));
    }
    for (const c of covered) row(c.unit).covered = Number(c.covered);
  }
  const names = new Map(
    (
      await unitNames(
        db,
        by,
        [...rows.keys()].filter((k) => k !== '-'),
      )
    ).map((n) => [String(n.key), n]),
  );
  const total: Rollup['total'] = emptyCounts();
  let sum = 0;
  for (const r of rows.values()) {
    const name = names.get(r.key);
    r.nameRu = name?.name_ru ?? '—';
    r.nameEn = name?.name_en ?? '—';
    r.coverage = r.institutions > 0 ? round(r.covered / r.institutions, 4) : null;
    r.meanScore = r.audited > 0 ? round((sums.get(r.key) ?? 0) / r.audited, 1) : null;
    total.institutions += r.institutions;
    total.withPage += r.withPage;
    total.audited += r.audited;
    total.covered += r.covered;
    sum += sums.get(r.key) ?? 0;
    for (const [level, n] of Object.entries(r.levels)) total.levels[level] = (total.levels[level] ?? 0) + n;
  }
  total.coverage = total.institutions > 0 ? round(total.covered / total.institutions, 4) : null;
  total.meanScore = total.audited > 0 ? round(sum / total.audited, 1) : null;
  return {
    run: run
      ? {
          id: run.id,
          version: run.methodology_version,
          periodStart: run.period_start,
          periodEnd: run.period_end,
        }
      : null,
    groupBy: by,
    rows: [...rows.values()].sort((a, b) => a.nameRu.localeCompare(b.nameRu, 'ru')),
    total,
  };
}

/**
 * The stored units a scope and region filter read: all, or one region's; null when the scope is narrower than
 * a region (its figures are grouped directly).
 */
function storedSelection(scope: Scope, regionCode?: string): UnitSelection | null {
  if (scope.level === 'country') return { regionKey: regionCode };
  if (scope.level !== 'region') return null;
  if (regionCode !== undefined && regionCode !== scope.regionCode) return { none: true };
  return { regionKey: scope.regionCode };
}

export type DoneRun = Awaited<ReturnType<typeof doneRunsFor>>[number];

export type PageItem = Awaited<ReturnType<typeof listPages>>['items'][number];

/**
 * A page of the list with scores: by page number, or after the `next` cursor a previous page gave (keyset:
 * as fast deep in the list as at its start).
 */
export async function listPages(db: Db, scope: Scope, filter: PageFilter & { after?: string | undefined }) {
  const [run, previous] = await doneRunsFor(db, scope, 2);
  const after = filter.after === undefined ? undefined : decodeCursor(filter.after);
  const { items, total } = await listPagesWithScores(db, scope, [run?.id ?? -1, previous?.id ?? -1], {
    ...filter,
    after,
  });
  const last = items[items.length - 1];
  return {
    runId: run?.id ?? null,
    total,
    items: items.map(pageItem),
    next: last && items.length === filter.size ? encodeCursor(cursorOf(filter.sort, last)) : null,
  };
}

function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): PageCursor {
  try {
    const [value, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (Number.isInteger(id) && (value === null || ['string', 'number'].includes(typeof value)))
      return { value: value as PageCursor['value'], id: id as number };
  } catch {
    // reported below
  }
  throw new AppError(
    'VALIDATION',
    `after: "${text.slice(0, 40)}" is not a cursor this list gave (its "next")`,
  );
}

/** The whole filtered, sorted list in batches, for exports: one ordered pass, memory of one batch. */
export async function* eachPage(
  db: Db,
  scope: Scope,
  filter: Omit<PageFilter, 'page' | 'size'>,
  batch = 2000,
): AsyncGenerator<PageItem[]> {
  const [run, previous] = await doneRunsFor(db, scope, 2);
  const runs: [number, number] = [run?.id ?? -1, previous?.id ?? -1];
  for await (const rows of streamPagesWithScores(db, scope, runs, filter, batch)) yield rows.map(pageItem);
}

function pageItem(p: PageRow) {
  return {
    id: p.id,
    url: p.url,
    platform: p.platform,
    status: p.status,
    lastCollectedAt: p.last_collected_at,
    institution:
      p.institution_id === null
        ? null
        : {
            id: p.institution_id,
            fullName: p.full_name ?? '',
            shortName: p.short_name,
            kind: p.kind ?? '',
            regionCode: p.region_code ?? '',
            municipalityId: p.municipality_id,
          },
    score: p.total === null ? null : round(Number(p.total), 1),
    level: p.level,
    verified: p.verified === null ? null : p.verified === 1,
    trend:
      p.total === null || p.previous_total === null
        ? null
        : round(Number(p.total) - Number(p.previous_total), 1),
  };
}

/**
 * A page's latest score, trend and history under one methodology version (the page's region's): scores of
 * different versions are not comparable, so runs of other versions are left out and the answer names the version.
 */
export async function pageScores(db: Db, scope: Scope, pageId: number, version: string, runs = 12) {
  const done = (await doneRunsFor(db, scope, runs * 4))
    .filter((r) => r.methodology_version === version)
    .slice(0, runs);
  const history = await pageHistory(
    db,
    pageId,
    done.map((r) => r.id),
  );
  const [latest, previous] = history;
  return {
    latest:
      latest && latest.run_id === done[0]?.id
        ? { runId: latest.run_id, score: round(latest.total, 1), level: latest.level }
        : null,
    trend: latest && previous ? round(latest.total - previous.total, 1) : null,
    historyVersion: version,
    history: history.map((h) => ({
      runId: h.run_id,
      finishedAt: h.finished_at,
      periodEnd: h.period_end,
      score: round(h.total, 1),
      level: h.level,
    })),
  };
}

function emptyCounts(): Rollup['total'] {
  return {
    institutions: 0,
    withPage: 0,
    audited: 0,
    covered: 0,
    coverage: null,
    meanScore: null,
    levels: {},
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
