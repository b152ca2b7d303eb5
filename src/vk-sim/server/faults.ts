// Faults the simulator can inject, switched on by --faults or POST /admin/faults: server errors, slow and hung
// responses, truncated JSON, and random VK errors 6, 9 and 10. Seeded, so a test sees the same sequence.
import { Rng } from '../world/rng.ts';

export type Faults = {
  /** Share of requests answered with HTTP 500/502/503. */
  http5xx?: number;
  /** Added to every response, in milliseconds. */
  slowMs?: number;
  /** Share of requests never answered (the client must time out). */
  timeout?: number;
  /** Share of responses cut in the middle of the JSON. */
  truncated?: number;
  /** Share of requests answered with each VK error code. */
  errors?: Partial<Record<'6' | '9' | '10', number>>;
  seed?: number;
};

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'http'; status: number }
  | { kind: 'timeout' }
  | { kind: 'truncated' }
  | { kind: 'vk'; code: 6 | 9 | 10 };

export class FaultInjector {
  private rng: Rng;
  private faults: Faults;

  constructor(faults: Faults = {}) {
    this.faults = faults;
    this.rng = new Rng(faults.seed ?? 1);
  }

  set(faults: Faults): void {
    this.faults = faults;
    this.rng = new Rng(faults.seed ?? 1);
  }

  get current(): Faults {
    return this.faults;
  }

  decide(): FaultDecision {
    const f = this.faults;
    if (f.http5xx && this.rng.chance(f.http5xx))
      return { kind: 'http', status: this.rng.pick([500, 502, 503]) };
    if (f.timeout && this.rng.chance(f.timeout)) return { kind: 'timeout' };
    if (f.truncated && this.rng.chance(f.truncated)) return { kind: 'truncated' };
    for (const code of ['6', '9', '10'] as const) {
      const rate = f.errors?.[code];
      if (rate && this.rng.chance(rate)) return { kind: 'vk', code: Number(code) as 6 | 9 | 10 };
    }
    return { kind: 'none' };
  }
}
