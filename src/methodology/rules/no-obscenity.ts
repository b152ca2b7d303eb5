// No obscenity or insults in the page's own posts, and none in users' comments left visible for longer than
// `maxVisibleHours` [D] (a comment counts as left visible when it is still there at the end of the period).
import { z } from 'zod';
import type { Evidence } from '../artifacts.ts';
import { findProfanity } from '../text/profanity.ts';
import { notReadable, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'no-obscenity',
  requires: ['posts', 'comments'],
  vars: { pass: ['posts', 'comments', 'hours'], fail: ['posts', 'comments', 'hours'] },
  params: z.object({ maxVisibleHours: z.number().positive() }),
  evaluate(a, params, ctx) {
    if (unreadable(a)) return notReadable;
    const evidence: Evidence[] = [];
    for (const p of a.posts) {
      const found = findProfanity(p.text);
      if (found[0]) evidence.push({ type: 'post', id: p.vkId, date: p.postedAt, note: found[0].text });
    }
    const ownCount = evidence.length;
    const cutoff = ctx.period.end - params.maxVisibleHours * 3600;
    for (const c of a.comments) {
      if (c.isDeleted || c.isFromCommunity || c.postedAt > cutoff) continue;
      const found = findProfanity(c.text);
      if (found[0])
        evidence.push({
          type: 'comment',
          id: c.vkId,
          postId: c.postVkId,
          date: c.postedAt,
          text: found[0].text,
        });
    }
    return {
      status: evidence.length === 0 ? 'pass' : 'fail',
      value: evidence.length,
      evidence: evidence.slice(0, 10),
      vars: { posts: ownCount, comments: evidence.length - ownCount, hours: params.maxVisibleHours },
    };
  },
});
