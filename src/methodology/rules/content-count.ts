// The family of content rules that count one kind of attachment per month or quarter: polls, clips, video,
// live broadcasts [L][D]. Each rule file picks its kind and its period.
import { z } from 'zod';
import type { PostArtifact } from '../artifacts.ts';
import { activeSpan, notReadable, ownPosts, perMonth, perQuarter, round, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export function contentCountRule(
  id: string,
  kind: keyof Pick<PostArtifact, 'polls' | 'clips' | 'videos' | 'lives'>,
  per: 'month' | 'quarter',
) {
  return defineRule({
    id,
    requires: ['posts'],
    value: { min: 0, max: 30, threshold: 'min' },
    canWarn: true,
    vars: {
      pass: ['count', 'rate', 'threshold'],
      warn: ['count', 'rate', 'threshold'],
      fail: ['count', 'rate', 'threshold'],
    },
    params: z.object({ min: z.number().positive() }),
    evaluate(a, params, ctx) {
      if (unreadable(a)) return notReadable;
      const span = activeSpan(a, ctx.period);
      const posts = ownPosts(a).filter((p) => p[kind] > 0);
      const count = posts.reduce((s, p) => s + p[kind], 0);
      const rate = round(per === 'month' ? perMonth(count, span) : perQuarter(count, span));
      return {
        status: rate >= params.min ? 'pass' : count > 0 ? 'warn' : 'fail',
        value: rate,
        evidence: posts.slice(-3).map((p) => ({ type: 'post' as const, id: p.vkId, date: p.postedAt })),
        vars: { count, rate, threshold: params.min },
      };
    },
  });
}
