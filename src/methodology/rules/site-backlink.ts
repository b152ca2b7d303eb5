// The official website lists the page's address [L]: from a check of the site when allowed, else manual.
import { z } from 'zod';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'site-backlink',
  requires: ['external'],
  params: z.object({}),
  evaluate(a) {
    const listed = a.external.siteBacklink;
    if (listed === undefined) return { status: 'manual', value: null, evidence: [] };
    return {
      status: listed ? 'pass' : 'fail',
      value: listed ? 1 : 0,
      evidence: [{ type: 'field', name: 'page_url', value: a.page.url }],
    };
  },
});
