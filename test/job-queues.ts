// The job queue implementations the contract runs against, by name, so a child process can open the same one.
import type { Db } from '../src/platform/db.ts';
import { DbJobQueue, type JobQueue, PgBossJobQueue } from '../src/platform/jobs/index.ts';

export type QueueKind = 'db' | 'pg-boss';

/** Fast polling and sweeps, so the contract's waits stay short. */
export function testQueue(kind: QueueKind, db: Db): JobQueue {
  const onError = (error: unknown) => console.error(`job queue (${kind}):`, error);
  return kind === 'db'
    ? new DbJobQueue(db, { pollMs: 50, onError })
    : new PgBossJobQueue(db, { pollSeconds: 0.5, maintenanceSeconds: 1, onError });
}
