// The ПОС widgets (messages, polls) are on the page [L][T]. VK's API does not show them, so the value comes
// from the region's Госпаблики export; without it a person checks ("manual").
import { z } from 'zod';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'feedback-widgets',
  requires: ['external'],
  params: z.object({}),
  evaluate(a) {
    const n = a.external.feedbackWidgets;
    if (n === undefined) return { status: 'manual', value: null, evidence: [] };
    return {
      status: n >= 2 ? 'pass' : n === 1 ? 'warn' : 'fail',
      value: n,
      evidence: [{ type: 'field', name: 'widgets', value: n }],
    };
  },
});
