// Proposes control points for log-normal rules from a run's national distribution: p10 and median of peers.

import { loadVersion } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { getAuditRun, peerStats } from './audit-run.repo.ts';

export type Calibration = {
  rule: string;
  n: number;
  current: { p10: number; median: number };
  proposed: { p10: number; median: number };
};

export async function calibrate(db: Db, runId: number): Promise<{ version: string; rules: Calibration[] }> {
  const run = await getAuditRun(db, runId);
  if (!run) throw new AppError('NOT_FOUND', `audit run ${runId} not found`);
  if (run.status !== 'done') throw new AppError('CONFLICT', `audit run ${runId} is ${run.status}, not done`);
  const version = loadVersion(run.methodology_version);
  const stats = new Map((await peerStats(db, runId)).map((s) => [s.rule_id, s]));
  const rules: Calibration[] = [];
  for (const rule of version.rules) {
    if (rule.scoring?.type !== 'log-normal') continue;
    const s = stats.get(rule.id);
    if (!s) continue;
    const q = JSON.parse(s.quantiles_json) as number[];
    const p10 = q[2] ?? 0;
    const median = q[10] ?? 0;
    // A curve needs 0 < p10 < median; nudge p10 down where many pages share one value.
    const safeMedian = Math.max(median, 1e-4);
    const safeP10 = Math.min(Math.max(p10, safeMedian / 20), safeMedian * 0.9);
    rules.push({
      rule: rule.id,
      n: s.n,
      current: { p10: rule.scoring.p10, median: rule.scoring.median },
      proposed: { p10: Math.round(safeP10 * 1e4) / 1e4, median: Math.round(safeMedian * 1e4) / 1e4 },
    });
  }
  return { version: version.id, rules };
}
