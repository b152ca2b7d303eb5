// The family of rules that measure a share of own posts with some property: visuals, rubrics.
import { z } from 'zod';
import type { PostArtifact } from '../artifacts.ts';
import { notReadable, ownPosts, round, share, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export function shareOfPostsRule(id: string, has: (post: PostArtifact) => boolean) {
  return defineRule({
    id,
    requires: ['posts'],
    value: { min: 0, max: 1, threshold: 'minShare' },
    vars: { pass: ['percent', 'threshold'], fail: ['percent', 'threshold'] },
    params: z.object({ minShare: z.number().min(0).max(1) }),
    evaluate(a, params) {
      if (unreadable(a)) return notReadable;
      const own = ownPosts(a);
      const value = share(own.filter(has).length, own.length);
      if (value === null) return { status: 'na', value: null, evidence: [] };
      const without = own.filter((p) => !has(p)).slice(-3);
      return {
        status: value >= params.minShare ? 'pass' : 'fail',
        value: round(value, 3),
        evidence: without.map((p) => ({ type: 'post' as const, id: p.vkId, date: p.postedAt })),
        vars: { percent: Math.round(value * 100), threshold: Math.round(params.minShare * 100) },
      };
    },
  });
}
