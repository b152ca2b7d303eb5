// The ПОС widgets (messages, polls) are on the page [L][T]. `groups.getById` does not show them; the community
// menu may (links to the Госуслуги feedback forms, detected by the collector), else the region's Госпаблики
// export or an operator's check. A detection newer than the manual fact beats it; with neither, unknown.
// A menu widget whose OGRN is not the registry's (`matchesRegistry === false`) is another organisation's form:
// it is shown in the evidence with its OGRN but does not count as this page's widget [L: the page's own
// feedback]. A widget whose OGRN could not be checked (none in the link, or none in the registry) counts as before.
import { z } from 'zod';
import type { Evidence, FactSource, MenuWidget, RuleResult } from '../artifacts.ts';
import { unknown } from './helpers.ts';
import { defineRule } from './rule.ts';

function judged(n: number, source: FactSource | undefined, foreign: Evidence[] = []): RuleResult {
  return {
    status: n >= 2 ? 'pass' : n === 1 ? 'warn' : 'fail',
    value: n,
    evidence: [{ type: 'field', name: 'widgets', value: n }, ...foreign],
    vars: { widgets: n },
    ...(source ? { source } : {}),
  };
}

/** The menu's widgets split into the page's own (or unchecked) and other organisations' (OGRN mismatch). */
function splitByOgrn(menu: MenuWidget[]) {
  const own = menu.filter((w) => w.matchesRegistry !== false);
  const others = [...new Set(menu.filter((w) => w.matchesRegistry === false).map((w) => w.ogrn ?? ''))];
  return {
    n: Math.min(2, new Set(own.map((w) => w.url)).size),
    foreign: others.map((ogrn): Evidence => ({ type: 'field', name: 'widget_other_ogrn', value: ogrn })),
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
        : { ...splitByOgrn(menu), at: a.profile.collectedAt };
    if (detected && (recorded === undefined || (recordedSource?.at ?? 0) <= detected.at))
      return judged(detected.n, { source: 'vk-menu', at: detected.at }, detected.foreign);
    if (recorded !== undefined) return judged(recorded, recordedSource, detected?.foreign);
    return unknown('widgets', ['export', 'manual']);
  },
});
