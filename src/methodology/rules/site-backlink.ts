// The official website lists the page's address [L]: from an operator's check (or a fetch of the site), else unknown.
import { z } from 'zod';
import { externalFact, unknown } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'site-backlink',
  requires: ['external'],
  params: z.object({}),
  evaluate(a) {
    const known = externalFact(a.external, 'siteBacklink');
    if (!known) return unknown('site_backlink', ['manual']);
    return {
      status: known.value ? 'pass' : 'fail',
      value: known.value ? 1 : 0,
      evidence: [{ type: 'field', name: 'site_backlink', value: known.value }],
      ...(known.source ? { source: known.source } : {}),
    };
  },
});
