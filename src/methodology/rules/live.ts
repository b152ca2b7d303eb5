// Live broadcasts per quarter [D], counted over the quarter ending at the period's end (the audit loads it),
// not extrapolated from a 30-day period: one broadcast two months ago meets "once a quarter".
import { z } from 'zod';
import { contentCountRule } from './content-count.ts';
import { localDate, notReadable, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

const fromPeriod = contentCountRule('live', 'lives', 'quarter');

export default defineRule({
  ...fromPeriod,
  params: z.object({ min: z.number().positive() }),
  evaluate(a, params, ctx) {
    if (a.quarterLives === undefined) return fromPeriod.evaluate(a, params, ctx);
    if (unreadable(a)) return notReadable;
    const count = a.quarterLives.length;
    const last = Math.max(0, ...a.quarterLives);
    return {
      status: count >= params.min ? 'pass' : count > 0 ? 'warn' : 'fail',
      value: count,
      evidence:
        last > 0 ? [{ type: 'field', name: 'last_live', value: localDate(last, ctx.period.timezone) }] : [],
      vars: { count, rate: count, threshold: params.min },
    };
  },
});
