// Views of the last 7 days' posts ÷ members: a proxy for weekly reach, which VK shows only to admins [T].
import { z } from 'zod';
import { DAY, notReadable, round, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'reach',
  requires: ['posts', 'profile'],
  value: { min: 0, max: 5 },
  vars: { pass: ['percent', 'members'], warn: ['percent', 'members'], fail: ['percent', 'members'] },
  params: z.object({ windowDays: z.number().int().positive() }),
  evaluate(a, params, ctx) {
    if (unreadable(a) || !a.profile) return notReadable;
    if (a.profile.membersCount === 0) return { status: 'na', value: null, evidence: [] };
    const since = ctx.period.end - params.windowDays * DAY;
    const views = a.posts.filter((p) => p.postedAt >= since).reduce((s, p) => s + p.views, 0);
    const value = views / a.profile.membersCount;
    return {
      status: 'pass',
      value: round(value, 3),
      evidence: [],
      vars: { percent: Math.round(value * 100), members: a.profile.membersCount },
    };
  },
});
