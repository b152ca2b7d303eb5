// The page is connected to the regional "Госпаблики" system [S][T]: from the region's export or an operator's check, else unknown.
import { z } from 'zod';
import { externalFact, unknown } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'gospubliki-connected',
  requires: ['external'],
  params: z.object({}),
  evaluate(a) {
    const known = externalFact(a.external, 'gospublikiConnected');
    if (!known) return unknown('gospubliki_connected', ['export', 'manual']);
    return {
      status: known.value ? 'pass' : 'fail',
      value: known.value ? 1 : 0,
      evidence: [{ type: 'field', name: 'gospubliki_connected', value: known.value }],
      ...(known.source ? { source: known.source } : {}),
    };
  },
});
