// Compares two audit runs: pages whose level changed, and the rules whose pass rate moved most.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { getAuditRun, levelChanges, passRates } from './audit-run.repo.ts';

export type RunDiff = {
  runs: [number, number];
  versions: [string, string];
  changedPages: number;
  transitions: { from: string; to: string; pages: number }[];
  pages: { pageId: number; from: string; to: string; totalA: number; totalB: number }[];
  rules: { rule: string; passRateA: number | null; passRateB: number | null; delta: number }[];
};

export async function diffRuns(db: Db, a: number, b: number, limit = 20): Promise<RunDiff> {
  const [runA, runB] = await Promise.all([getAuditRun(db, a), getAuditRun(db, b)]);
  if (!runA) throw new AppError('NOT_FOUND', `audit run ${a} not found`);
  if (!runB) throw new AppError('NOT_FOUND', `audit run ${b} not found`);
  const changes = await levelChanges(db, a, b);
  const transitions = new Map<string, number>();
  for (const c of changes)
    transitions.set(`${c.from}→${c.to}`, (transitions.get(`${c.from}→${c.to}`) ?? 0) + 1);
  const rate = (rows: { rule_id: string; n: number; passed: number }[]) =>
    new Map(rows.map((r) => [r.rule_id, Number(r.n) > 0 ? Number(r.passed) / Number(r.n) : null]));
  const [ra, rb] = await Promise.all([passRates(db, a).then(rate), passRates(db, b).then(rate)]);
  const rules = [...new Set([...ra.keys(), ...rb.keys()])]
    .map((rule) => {
      const passRateA = ra.get(rule) ?? null;
      const passRateB = rb.get(rule) ?? null;
      return {
        rule,
        passRateA,
        passRateB,
        delta: Math.round(((passRateB ?? 0) - (passRateA ?? 0)) * 1000) / 1000,
      };
    })
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
  return {
    runs: [a, b],
    versions: [runA.methodology_version, runB.methodology_version],
    changedPages: changes.length,
    transitions: [...transitions].map(([k, pages]) => {
      const [from = '', to = ''] = k.split('→');
      return { from, to, pages };
    }),
    pages: changes
      .slice(0, limit)
      .map((c) => ({ pageId: c.page_id, from: c.from, to: c.to, totalA: c.totalA, totalB: c.totalB })),
    rules: rules.slice(0, limit),
  };
}
