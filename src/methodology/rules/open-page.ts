// The community is open and not deactivated (deleted or banned) [L].
import { z } from 'zod';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'open-page',
  requires: ['profile'],
  params: z.object({}),
  evaluate(a) {
    const p = a.profile;
    if (!p) return { status: 'na', value: null, evidence: [] };
    if (p.deactivated)
      return {
        status: 'fail',
        value: 0,
        evidence: [{ type: 'field', name: 'deactivated', value: p.deactivated }],
      };
    if ((p.isClosed ?? 0) > 0)
      return {
        status: 'fail',
        value: 0,
        evidence: [{ type: 'field', name: 'is_closed', value: p.isClosed }],
      };
    return { status: 'pass', value: 1, evidence: [] };
  },
});
