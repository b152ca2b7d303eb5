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

/** Where a value stands among peers, 0..100, interpolated over the stored quantiles. */
export function percentileOf(value: number, q: number[]): number {
  if (q.length === 0) return 50;
  if (value <= (q[0] ?? 0)) return 0;
  if (value >= (q[q.length - 1] ?? 0)) return 100;
  for (let i = 1; i < q.length; i++) {
    const hi = q[i] ?? 0;
    const lo = q[i - 1] ?? 0;
    if (value <= hi) {
      const within = hi === lo ? 0.5 : (value - lo) / (hi - lo);
      return Math.round(((i - 1 + within) / (q.length - 1)) * 100);
    }
  }
  return 100;
}
