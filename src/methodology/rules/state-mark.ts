// The page carries the "Госорганизация" mark given after confirmation through Госуслуги [L][S]. VK's answer
// may leave the field out: then the region's export or an operator's check decides, else the rule is unknown.
import { z } from 'zod';
import { externalFact, unknown } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'state-mark',
  requires: ['profile', 'external'],
  params: z.object({}),
  evaluate(a) {
    if (!a.profile) return { status: 'na', value: null, evidence: [] };
    const seen = a.profile.isVerified;
    const known = seen ?? externalFact(a.external, 'stateMark');
    if (known === null) return unknown('state_mark', ['collect', 'export', 'manual']);
    const value = typeof known === 'boolean' ? known : known.value;
    const source = typeof known === 'boolean' ? undefined : known.source;
    return {
      status: value ? 'pass' : 'fail',
      value: value ? 1 : 0,
      evidence: value ? [] : [{ type: 'missing', name: 'state_mark' }],
      ...(source ? { source } : {}),
    };
  },
});
