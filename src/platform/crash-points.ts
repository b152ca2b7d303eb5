// Named points where the fault suite may kill the process: PUBLICA_CRASH_AT="point:n" sends SIGKILL to this
// process the n-th time it passes `point` (test/reliability). Unset — always in production — it is one
// comparison. SIGKILL, not an exception: nothing after the point runs, no finally block, no COMMIT, no flush.
export type CrashPoint =
  | 'db.before-commit'
  | 'db.after-commit'
  | 'vk.before-request'
  | 'vk.after-response'
  | 'collect.after-profiles'
  | 'collect.after-page'
  | 'audit.after-batch'
  | 'planner.after-post'
  | 'networks.after-page';

const target = parse(process.env.PUBLICA_CRASH_AT);
let passed = 0;

function parse(spec: string | undefined): { point: string; n: number } | null {
  if (!spec) return null;
  const [point, n] = spec.split(':');
  const count = Number(n ?? '1');
  if (!point || !Number.isInteger(count) || count < 1)
    throw new Error(`PUBLICA_CRASH_AT: expected "point:n", got "${spec}"`);
  return { point, n: count };
}

let counts: Map<CrashPoint, number> | null = null;

/** Starts counting the points this process passes (the fault suite picks its kill points from the counts). */
export function countCrashPoints(): Map<CrashPoint, number> {
  counts = new Map();
  return counts;
}

export function crashPoint(point: CrashPoint): void {
  if (counts) counts.set(point, (counts.get(point) ?? 0) + 1);
  if (target === null || target.point !== point) return;
  passed++;
  if (passed === target.n) process.kill(process.pid, 'SIGKILL');
}
