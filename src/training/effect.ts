// The effect of a seminar on page quality: difference in differences. For each attendee's page, the change of
// a measure (score, or a rule's pass 0/1) from the audit before the seminar to the audit after it, against the
// same change on comparable pages that did not attend — same kind, region and starting level (a stratum). The
// effect is the attendees' mean change minus their stratum's controls' mean change, averaged over attendees;
// strata without controls are left out. A stratified bootstrap (pages resampled within their group and
// stratum, seeded) gives the confidence interval.

import { seededRandom } from '../platform/seeded-random.ts';
export type EffectUnit = {
  /** Same kind, region and starting level: the pages compared with each other. */
  stratum: string;
  treated: boolean;
  before: number;
  after: number;
};

export type EffectEstimate = {
  effect: number | null;
  low: number | null;
  high: number | null;
  treated: number;
  controls: number;
  /** Attendees left out because no comparable page stayed away. */
  unmatched: number;
};

type Cell = { treated: number[]; controls: number[] };

function cellsOf(units: EffectUnit[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const u of units) {
    const cell = cells.get(u.stratum) ?? { treated: [], controls: [] };
    (u.treated ? cell.treated : cell.controls).push(u.after - u.before);
    cells.set(u.stratum, cell);
  }
  return cells;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The attendee-weighted difference of mean changes over strata with both groups; null without any. */
function estimate(cells: Iterable<Cell>): number | null {
  let weighted = 0;
  let weight = 0;
  for (const c of cells) {
    if (c.treated.length === 0 || c.controls.length === 0) continue;
    weighted += (mean(c.treated) - mean(c.controls)) * c.treated.length;
    weight += c.treated.length;
  }
  return weight ? weighted / weight : null;
}

function resample(xs: number[], next: () => number): number[] {
  return xs.map(() => xs[Math.floor(next() * xs.length)] as number);
}

function percentile(sorted: number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[index] as number;
}

export function differenceInDifferences(
  units: EffectUnit[],
  options: { iterations?: number; seed?: number; level?: number } = {},
): EffectEstimate {
  const cells = cellsOf(units);
  const matched = [...cells.values()].filter((c) => c.treated.length > 0 && c.controls.length > 0);
  const treated = matched.reduce((s, c) => s + c.treated.length, 0);
  const all = [...cells.values()].reduce((s, c) => s + c.treated.length, 0);
  const effect = estimate(matched);
  const result = {
    effect,
    low: null,
    high: null,
    treated,
    controls: matched.reduce((s, c) => s + c.controls.length, 0),
    unmatched: all - treated,
  };
  if (effect === null) return result;
  const next = seededRandom(options.seed ?? 1);
  const draws: number[] = [];
  for (let i = 0; i < (options.iterations ?? 1000); i++) {
    const value = estimate(
      matched.map((c) => ({ treated: resample(c.treated, next), controls: resample(c.controls, next) })),
    );
    if (value !== null) draws.push(value);
  }
  draws.sort((a, b) => a - b);
  const tail = (1 - (options.level ?? 0.95)) / 2;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    ...result,
    effect: round(effect),
    low: round(percentile(draws, tail)),
    high: round(percentile(draws, 1 - tail)),
  };
}
