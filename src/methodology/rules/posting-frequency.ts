// Own posts per week, averaged over the period (or over the last `windowDays`, as the traffic light counts
// "3 posts in 7 days") [K][S][T]. A page created mid-period is judged from its first post.
import { z } from 'zod';
import { activeSpan, DAY, localDate, notReadable, ownPosts, perWeek, round, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'posting-frequency',
  requires: ['posts'],
  value: { min: 0, max: 30, threshold: 'perWeek' },
  vars: {
    pass: ['perWeek', 'threshold', 'posts', 'lastDates'],
    fail: ['perWeek', 'threshold', 'posts', 'lastDates'],
  },
  params: z.object({ perWeek: z.number().positive(), windowDays: z.number().int().positive().optional() }),
  evaluate(a, params, ctx) {
    if (unreadable(a)) return notReadable;
    const span = params.windowDays
      ? { ...ctx.period, start: ctx.period.end - params.windowDays * DAY }
      : activeSpan(a, ctx.period);
    const own = ownPosts(a).filter((p) => p.postedAt >= span.start);
    const rate = round(perWeek(own.length, span));
    const last = own.slice(-3).map((p) => ({ type: 'post' as const, id: p.vkId, date: p.postedAt }));
    return {
      status: rate >= params.perWeek ? 'pass' : 'fail',
      value: rate,
      evidence: last,
      vars: {
        perWeek: rate,
        threshold: params.perWeek,
        posts: own.length,
        lastDates: last.map((e) => localDate(e.date, ctx.period.timezone)).join(', ') || '—',
      },
    };
  },
});
