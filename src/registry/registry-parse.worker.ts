// Reads and validates an uploaded registry file in a worker thread, so a large or hostile file costs the
// thread's bounded heap and none of the event loop's time; posts back the valid rows and the problem tally.
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../platform/threads.ts';
import type { ReadLimits } from './registry-file.reader.ts';
import { readValidatedRegistry, type ValidatedRegistry } from './registry-validate.ts';

export type ParseInput = { path: string; name: string; limits: ReadLimits };
export type ParseResult = ValidatedRegistry;

const input = (workerData as { input: ParseInput }).input;
const port = parentPort;
if (!port) throw new Error('registry-parse.worker.ts runs only as a worker thread');

try {
  port.postMessage({
    type: 'done',
    result: await readValidatedRegistry(input.path, input.limits, input.name),
  });
} catch (error) {
  port.postMessage(errorMessage(error));
}
