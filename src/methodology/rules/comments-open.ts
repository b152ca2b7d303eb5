// Comments are enabled on the wall and on recent posts [S].
import { z } from 'zod';
import { notReadable, round, unknown, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'comments-open',
  requires: ['profile', 'posts'],
  canWarn: true,
  vars: { pass: ['closed', 'recent'], warn: ['closed', 'recent'] },
  params: z.object({ recentPosts: z.number().int().positive(), maxClosedShare: z.number().min(0).max(1) }),
  evaluate(a, params) {
    if (unreadable(a) || !a.profile) return notReadable;
    if (a.profile.wall === 0 || a.profile.wall === 3)
      return { status: 'fail', value: 0, evidence: [{ type: 'field', name: 'wall', value: a.profile.wall }] };
    const recent = a.posts.slice(-params.recentPosts);
    // Without the wall setting, recent posts still show whether comments are open; with neither, unknown.
    if (a.profile.wall === null && recent.length === 0) return unknown('wall', ['collect']);
    const closed = recent.filter((p) => p.commentsClosed);
    const closedShare = recent.length === 0 ? 0 : closed.length / recent.length;
    const evidence = closed
      .slice(-3)
      .map((p) => ({ type: 'post' as const, id: p.vkId, date: p.postedAt, note: 'comments_closed' }));
    const status = closedShare > params.maxClosedShare ? 'fail' : closed.length > 0 ? 'warn' : 'pass';
    return {
      status,
      value: round(1 - closedShare, 3),
      evidence,
      vars: { closed: closed.length, recent: recent.length },
    };
  },
});
