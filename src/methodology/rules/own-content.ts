// The share of own posts (not reposts) [D].
import { z } from 'zod';
import { notReadable, ownPosts, round, share, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'own-content',
  requires: ['posts'],
  value: { min: 0, max: 1, threshold: 'minShare' },
  vars: { pass: ['percent', 'threshold', 'reposts'], fail: ['percent', 'threshold', 'reposts'] },
  params: z.object({ minShare: z.number().min(0).max(1) }),
  evaluate(a, params) {
    if (unreadable(a)) return notReadable;
    const value = share(ownPosts(a).length, a.posts.length);
    if (value === null) return { status: 'na', value: null, evidence: [] };
    return {
      status: value >= params.minShare ? 'pass' : 'fail',
      value: round(value, 3),
      evidence: [],
      vars: {
        percent: Math.round(value * 100),
        threshold: Math.round(params.minShare * 100),
        reposts: a.posts.length - ownPosts(a).length,
      },
    };
  },
});
