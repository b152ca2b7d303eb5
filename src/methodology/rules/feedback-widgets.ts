// The ПОС widgets (messages, polls) are on the page [L][T]. `groups.getById` does not show them; the community
// menu may (links to the Госуслуги feedback forms, detected by the collector), else the region's Госпаблики
// export or an operator's check. A detection newer than the manual fact beats it; with neither, unknown.
import { z } from 'zod';
import type { FactSource, RuleResult } from '../artifacts.ts';
import { unknown } from './helpers.ts';
import { defineRule } from './rule.ts';

function judged(n: number, source: FactSource | undefined): RuleResult {
  return {
    status: n >= 2 ? 'pass' : n === 1 ? 'warn' : 'fail',
    value: n,
    evidence: [{ type: 'field', name: 'widgets', value: n }],
    vars: { widgets: n },
    ...(source ? { source } : {}),
  };
}

export default defineRule({
  id: 'feedback-widgets',
  requires: ['external'],
  canWarn: true,
  vars: { pass: ['widgets'], warn: ['widgets'], fail: ['widgets'] },
  params: z.object({}),
  evaluate(a) {
    const menu = a.profile?.menuWidgets;
    const recorded = a.external.feedbackWidgets;
    const recordedSource = a.external.sources?.feedbackWidgets;
    const detected =
      menu === null || menu === undefined || !a.profile
        ? null
        : { n: Math.min(2, new Set(menu.map((w) => w.url)).size), at: a.profile.collectedAt };
    if (detected && (recorded === undefined || (recordedSource?.at ?? 0) <= detected.at))
      return judged(detected.n, { source: 'vk-menu', at: detected.at });
    if (recorded !== undefined) return judged(recorded, recordedSource);
    return unknown('widgets', ['export', 'manual']);
  },
});
