// A pinned post exists and was published or edited in the current school year (from 1 September) (proposed).
import { z } from 'zod';
import { localDate } from './helpers.ts';
import { defineRule } from './rule.ts';

export function schoolYearStart(unix: number): number {
  const d = new Date(unix * 1000);
  const year = d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return Date.UTC(year, 8, 1) / 1000;
}

export default defineRule({
  id: 'pinned-post',
  requires: ['posts'],
  canWarn: true,
  vars: { pass: ['date'], warn: ['date'], fail: ['date'] },
  params: z.object({}),
  evaluate(a, _params, ctx) {
    const pinned = a.pinned;
    if (!a.profile) return { status: 'na', value: null, evidence: [] };
    if (!pinned)
      return {
        status: 'fail',
        value: 0,
        evidence: [{ type: 'missing', name: 'pinned_post' }],
        vars: { date: '—' },
      };
    const touched = Math.max(pinned.postedAt, pinned.editedAt ?? 0);
    const fresh = touched >= schoolYearStart(ctx.period.end);
    return {
      status: fresh ? 'pass' : 'warn',
      value: fresh ? 1 : 0.5,
      evidence: [{ type: 'post', id: pinned.vkId, date: pinned.postedAt }],
      vars: { date: localDate(touched, ctx.period.timezone) },
    };
  },
});
