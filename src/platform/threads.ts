// Worker threads that run TypeScript modules: the module reads `workerData.input` and talks through parentPort.
import { Worker } from 'node:worker_threads';
import { projectFile } from './paths.ts';

// Worker threads run the TypeScript sources (through tsx), also when the main thread runs the bundle.
const ENTRY = projectFile('src/platform/threads/ts-entry.mjs');

export type WorkerMessage<T> =
  | { type: 'progress'; pages: number }
  | { type: 'done'; result: T }
  | { type: 'error'; message: string };

/** Runs `module` in a thread; resolves with its result, reporting progress on the way. */
export function runInThread<T>(module: URL, input: unknown, onProgress: (pages: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    // A bounded heap makes V8 collect early instead of growing each thread towards the machine's memory.
    const worker = new Worker(ENTRY, {
      workerData: { module: module.href, input },
      resourceLimits: { maxOldGenerationSizeMb: 384 },
    });
    let settled = false;
    worker.on('message', (message: WorkerMessage<T>) => {
      if (message.type === 'progress') onProgress(message.pages);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(new Error(message.message));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`worker thread exited with code ${code}`));
    });
  });
}
