// Owner and admins use two-factor authentication [R]: not visible in any data, so an operator records the check; else unknown.
import { z } from 'zod';
import { externalFact, unknown } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'two-factor',
  requires: ['external'],
  params: z.object({}),
  evaluate(a) {
    const known = externalFact(a.external, 'twoFactor');
    if (!known) return unknown('two_factor', ['manual']);
    return {
      status: known.value ? 'pass' : 'fail',
      value: known.value ? 1 : 0,
      evidence: [{ type: 'field', name: 'two_factor', value: known.value }],
      ...(known.source ? { source: known.source } : {}),
    };
  },
});
