// The effect estimator on synthetic pages with a known effect: strata differ in level and in trend, attendees
// are over-represented where scores were low, so a naive before/after or attendee/non-attendee comparison is
// biased; difference in differences within strata recovers the effect inside its interval, and with no effect
// the interval covers zero.
import { describe, expect, it } from 'vitest';
import { differenceInDifferences, type EffectUnit } from './effect.ts';

/** Seeded normal noise (Box–Muller over a small LCG), so the synthetic world is the same on every run. */
function noise(seed: number) {
  let s = seed;
  const uniform = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (s + 1) / 2_147_483_649;
  };
  return (sd: number) => sd * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

function world(effect: number, seed: number): EffectUnit[] {
  const n = noise(seed);
  const units: EffectUnit[] = [];
  // Six strata: starting levels differ (30–80) and so do their trends (−3 to +6 points between audits).
  const strata = [
    { id: 'school|77|inactive', base: 30, trend: 6, attend: 0.5 },
    { id: 'school|77|basic', base: 45, trend: 4, attend: 0.4 },
    { id: 'school|66|business_card', base: 60, trend: 1, attend: 0.2 },
    { id: 'kindergarten|66|active', base: 72, trend: -1, attend: 0.1 },
    { id: 'kindergarten|77|flagship', base: 82, trend: -3, attend: 0.05 },
    { id: 'college|66|basic', base: 48, trend: 3, attend: 0.3 },
  ];
  for (const s of strata)
    for (let i = 0; i < 150; i++) {
      const treated = i < 150 * s.attend;
      const before = s.base + n(6);
      units.push({ stratum: s.id, treated, before, after: before + s.trend + (treated ? effect : 0) + n(4) });
    }
  return units;
}

describe('difference in differences', () => {
  it('recovers a known effect within its interval, and the interval excludes zero', () => {
    const estimate = differenceInDifferences(world(8, 42), { seed: 7 });
    expect(estimate.low).not.toBeNull();
    expect(estimate.low as number).toBeLessThanOrEqual(8);
    expect(estimate.high as number).toBeGreaterThanOrEqual(8);
    expect(estimate.low as number).toBeGreaterThan(0);
    expect(Math.abs((estimate.effect as number) - 8)).toBeLessThan(1.5);
    expect(estimate.treated).toBe(233);
  });

  it('finds no effect where there is none: the interval covers zero', () => {
    const estimate = differenceInDifferences(world(0, 43), { seed: 7 });
    expect(estimate.low as number).toBeLessThanOrEqual(0);
    expect(estimate.high as number).toBeGreaterThanOrEqual(0);
  });

  it('is not fooled by strata: attendees start low where scores rise anyway', () => {
    const units = world(0, 44);
    const naive =
      units.filter((u) => u.treated).reduce((s, u) => s + u.after - u.before, 0) /
        units.filter((u) => u.treated).length -
      units.filter((u) => !u.treated).reduce((s, u) => s + u.after - u.before, 0) /
        units.filter((u) => !u.treated).length;
    expect(naive).toBeGreaterThan(2);
    expect(Math.abs(differenceInDifferences(units, { seed: 7 }).effect as number)).toBeLessThan(1);
  });

  it('leaves out attendees with no comparable page, and gives the same interval for the same seed', () => {
    const units: EffectUnit[] = [
      { stratum: 'a', treated: true, before: 10, after: 20 },
      { stratum: 'a', treated: false, before: 10, after: 12 },
      { stratum: 'a', treated: false, before: 11, after: 13 },
      { stratum: 'lonely', treated: true, before: 50, after: 90 },
    ];
    const first = differenceInDifferences(units, { seed: 3 });
    expect(first).toMatchObject({ effect: 8, treated: 1, controls: 2, unmatched: 1 });
    expect(differenceInDifferences(units, { seed: 3 })).toEqual(first);
    expect(differenceInDifferences([{ stratum: 'x', treated: true, before: 1, after: 2 }])).toMatchObject({
      effect: null,
      unmatched: 1,
    });
  });
});
