// A worker process for the contract's crash test: takes one job of `contract.crash`, says so, and hangs until
// the test kills it with SIGKILL.
import { openDb } from '../src/platform/db.ts';
import { type QueueKind, testQueue } from './job-queues.ts';

const [kind, url] = process.argv.slice(2) as [QueueKind, string];
const db = openDb(url);
const queue = testQueue(kind, db);
await queue.start();
await queue.createQueue('contract.crash', { expireSeconds: 2, retryDelaySeconds: 0, retryBackoff: false });
await queue.work('contract.crash', {}, async (job) => {
  process.stdout.write(`started ${job.id}\n`);
  await new Promise(() => {});
});
