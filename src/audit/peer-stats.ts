// Peer distributions: for each numeric rule, the values across pages of the same kind in the same region
// (and across all regions and kinds), summarised as 21 quantiles, so a page sees its percentile.
export const QUANTILE_STEPS = 20;

export class PeerCollector {
  private readonly values = new Map<string, number[]>();

  add(regionCode: string, kind: string, ruleId: string, value: number): void {
    for (const key of [
      `${regionCode}|${kind}|${ruleId}`,
      `${regionCode}|*|${ruleId}`,
      `*|${kind}|${ruleId}`,
      `*|*|${ruleId}`,
    ]) {
      const list = this.values.get(key);
      if (list) list.push(value);
      else this.values.set(key, [value]);
    }
  }

  /** The raw values, to hand to another collector (a worker's to the coordinator's). */
  entries(): [string, number[]][] {
    return [...this.values];
  }

  merge(entries: [string, number[]][]): void {
    for (const [key, values] of entries) {
      const list = this.values.get(key);
      if (list) for (const v of values) list.push(v);
      else this.values.set(key, [...values]);
    }
  }

  rows(runId: number) {
    return [...this.values].map(([key, values]) => {
      const [region_code = '*', kind = '*', rule_id = ''] = key.split('|');
      const sorted = Float64Array.from(values).sort();
      const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
      return {
        run_id: runId,
        region_code,
        kind,
        rule_id,
        n: sorted.length,
        mean,
        quantiles_json: JSON.stringify(quantiles(sorted)),
      };
    });
  }
}

/** The 0th, 5th, …, 100th percentiles of sorted values (linear interpolation). */
export function quantiles(sorted: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i <= QUANTILE_STEPS; i++) {
    const pos = (i / QUANTILE_STEPS) * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    const a = sorted[lo] ?? 0;
    const b = sorted[hi] ?? a;
    out.push(Math.round((a + (b - a) * (pos - lo)) * 1e6) / 1e6);
  }
  return out;
}

/**
 * Where a value stands among peers, 0..100, interpolated over the stored quantiles; a value many peers share
 * (a run of equal quantiles) stands in the middle of that run, not at its start. The percentile never crosses
 * the median the value is on the other side of: a value above the median is above 50, one below it under 50,
 * and one at the median reads as no worse than the median (for `lowerIsBetter` rules, where 100 is the worst,
 * no higher than 50).
 */
export function percentileOf(value: number, q: number[], lowerIsBetter = false): number {
  if (q.length === 0) return 50;
  const last = q.length - 1;
  const first = q.findIndex((x) => x >= value);
  if (first === -1) return 100;
  let end = first;
  while (end < last && (q[end + 1] ?? 0) <= value) end++;
  let rank: number;
  if (q[first] === value) rank = (first + end) / 2;
  else if (first === 0) return 0;
  else {
    const lo = q[first - 1] ?? 0;
    const hi = q[first] ?? 0;
    rank = first - 1 + (value - lo) / (hi - lo);
  }
  const p = Math.round((rank * 100) / last);
  const median = q[Math.floor(last / 2)] ?? 0;
  if (value < median) return Math.min(p, 49);
  if (value > median) return Math.max(p, 51);
  return lowerIsBetter ? Math.min(p, 50) : Math.max(p, 50);
}
