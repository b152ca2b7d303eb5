// The community's topic fits education [R].
import { z } from 'zod';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'topic',
  requires: ['profile'],
  params: z.object({ pattern: z.string().min(1) }),
  evaluate(a, params) {
    const activity = a.profile?.activity;
    if (!a.profile) return { status: 'na', value: null, evidence: [] };
    if (!activity) return { status: 'fail', value: 0, evidence: [{ type: 'missing', name: 'activity' }] };
    const fits = new RegExp(params.pattern, 'i').test(activity);
    return {
      status: fits ? 'pass' : 'fail',
      value: fits ? 1 : 0,
      evidence: [{ type: 'field', name: 'activity', value: activity }],
      vars: { activity },
    };
  },
});
