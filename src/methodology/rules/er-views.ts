// ER by views (Popsters "ERview"): Σ(likes + comments + reposts) / Σ views over own posts [K]. Scored on a
// log-normal curve whose control points come from peers (see `publica methodology calibrate`).
import { z } from 'zod';
import { notReadable, ownPosts, round, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'er-views',
  requires: ['posts'],
  // Published ER by views of VK communities rarely exceeds 10–15 %; a curve must pass a page below that.
  value: { min: 0, max: 0.15 },
  vars: { pass: ['percent'], warn: ['percent'], fail: ['percent'] },
  params: z.object({}),
  evaluate(a) {
    if (unreadable(a)) return notReadable;
    const own = ownPosts(a).filter((p) => p.views > 0);
    const views = own.reduce((s, p) => s + p.views, 0);
    if (views === 0) return { status: 'na', value: null, evidence: [] };
    const actions = own.reduce((s, p) => s + p.likes + p.comments + p.reposts, 0);
    const er = actions / views;
    return { status: 'pass', value: round(er, 4), evidence: [], vars: { percent: round(er * 100, 2) } };
  },
});
