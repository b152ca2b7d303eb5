// The longest gap between posts inside the period [K]: a silence that began before the period is measured
// from the period's start, one still running from the last post to the period's end, so the days and the dates
// shown are the same span. A gap that overlaps school holidays may be `holidayFactor` times longer (proposed);
// `bound` says which limit the worst gap was held to.
import { z } from 'zod';
import type { Evidence } from '../artifacts.ts';
import { DAY, localDate, notReadable, round, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

const utcDate = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);

export default defineRule({
  id: 'longest-silence',
  requires: ['posts'],
  value: { min: 0, max: 120, threshold: 'maxDays', lowerIsBetter: true },
  vars: {
    pass: ['days', 'from', 'to', 'threshold', 'bound'],
    fail: ['days', 'from', 'to', 'threshold', 'bound'],
  },
  params: z.object({ maxDays: z.number().positive(), holidayFactor: z.number().min(1) }),
  evaluate(a, params, ctx) {
    if (unreadable(a)) return notReadable;
    const times = a.posts.map((p) => p.postedAt).sort((x, y) => x - y);
    const points = [ctx.period.start, ...times.filter((t) => t >= ctx.period.start), ctx.period.end];
    let worst: { from: number; to: number; days: number; over: number; bound: number } | null = null;
    for (let i = 1; i < points.length; i++) {
      const start = points[i - 1] as number;
      const end = points[i] as number;
      const gapDays = (end - start) / DAY;
      const holiday = ctx.holidays.some(([hs, he]) => start < he && end > hs);
      const bound = params.maxDays * (holiday ? params.holidayFactor : 1);
      const over = gapDays / bound;
      if (!worst || over > worst.over) worst = { from: start, to: end, days: gapDays, over, bound };
    }
    if (!worst) return { status: 'na', value: null, evidence: [] };
    const evidence: Evidence[] = [
      { type: 'gap', from: worst.from, to: worst.to, days: round(worst.days, 1) },
    ];
    return {
      status: worst.over <= 1 ? 'pass' : 'fail',
      value: round(worst.days, 1),
      evidence,
      vars: {
        days: Math.round(worst.days),
        // A gap from the period's start or to its end is shown by the period's (UTC) days.
        from:
          worst.from <= ctx.period.start
            ? utcDate(ctx.period.start)
            : localDate(worst.from, ctx.period.timezone),
        to:
          worst.to >= ctx.period.end
            ? utcDate(ctx.period.end - DAY)
            : localDate(worst.to, ctx.period.timezone),
        threshold: params.maxDays,
        bound: round(worst.bound, 1),
      },
    };
  },
});
