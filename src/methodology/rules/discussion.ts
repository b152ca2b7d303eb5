// The share of own posts with at least one comment from a user (not the community) [K][D].
import { z } from 'zod';
import { notReadable, ownPosts, round, share, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'discussion',
  requires: ['posts', 'comments'],
  value: { min: 0, max: 1 },
  vars: { pass: ['percent'], warn: ['percent'], fail: ['percent'] },
  params: z.object({}),
  evaluate(a) {
    if (unreadable(a)) return notReadable;
    const discussed = new Set(
      a.comments.filter((c) => !c.isFromCommunity && !c.isDeleted).map((c) => c.postVkId),
    );
    const own = ownPosts(a);
    const value = share(own.filter((p) => discussed.has(p.vkId)).length, own.length);
    if (value === null) return { status: 'na', value: null, evidence: [] };
    return {
      status: 'pass',
      value: round(value, 3),
      evidence: [],
      vars: { percent: Math.round(value * 100) },
    };
  },
});
