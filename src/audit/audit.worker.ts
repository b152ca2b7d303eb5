// A worker thread of a parallel audit: audits its share of the pages with its own database connection and
// hands back its totals. The coordinator (audit-run.service.ts) merges them and closes the run.
import { parentPort, workerData } from 'node:worker_threads';
import type { MethodologyVersion } from '../methodology/index.ts';
import { openDb } from '../platform/db.ts';
import type { AuditTarget } from '../registry/index.ts';
import { auditTargets, type Bounds, type SerialTotals, serialTotals } from './audit-batch.ts';

export type WorkerInput = {
  dbUrl: string;
  /** The version itself (shipped on disk or published in the database), checked by the coordinator. */
  version: MethodologyVersion;
  bounds: Bounds;
  runId: number;
  batchSize: number;
  targets: AuditTarget[];
};

export type WorkerResult = SerialTotals;

const input = (workerData as { input: WorkerInput }).input;
const port = parentPort;
if (!port) throw new Error('audit.worker.ts runs only as a worker thread');

try {
  const version = input.version;
  const db = openDb(input.dbUrl);
  try {
    const totals = await auditTargets(
      db,
      version,
      input.targets,
      input.bounds,
      input.runId,
      input.batchSize,
      (t) => port.postMessage({ type: 'progress', pages: t.pages }),
    );
    port.postMessage({ type: 'done', result: serialTotals(totals, input.runId) });
  } finally {
    await db.close();
  }
} catch (error) {
  port.postMessage({ type: 'error', message: (error as Error).message });
}
