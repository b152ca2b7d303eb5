// Days since the last post at the end of the period [K]; no post at all counts as silent since before it.
import { z } from 'zod';
import { DAY, localDate, notReadable, round, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'last-post',
  requires: ['posts'],
  value: { min: 0, max: 120, threshold: 'maxDays', lowerIsBetter: true },
  vars: { pass: ['days', 'date', 'threshold'], fail: ['days', 'date', 'threshold'] },
  params: z.object({ maxDays: z.number().positive() }),
  evaluate(a, params, ctx) {
    if (unreadable(a)) return notReadable;
    const last = a.posts.length > 0 ? Math.max(...a.posts.map((p) => p.postedAt)) : a.lastPostBefore;
    if (last === null)
      return {
        status: 'fail',
        value: null,
        evidence: [{ type: 'missing', name: 'posts' }],
        vars: {
          days: `${Math.round((ctx.period.end - ctx.period.start) / DAY)}+`,
          date: '—',
          threshold: params.maxDays,
        },
      };
    const since = (ctx.period.end - last) / DAY;
    return {
      status: since <= params.maxDays ? 'pass' : 'fail',
      value: round(since, 1),
      evidence: [{ type: 'field', name: 'last_post', value: localDate(last, ctx.period.timezone) }],
      vars: {
        days: Math.floor(since),
        date: localDate(last, ctx.period.timezone),
        threshold: params.maxDays,
      },
    };
  },
});
