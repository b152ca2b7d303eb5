// Worker threads that run TypeScript modules: the module reads `workerData.input` and talks through parentPort.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, isAppError } from './errors.ts';
import { projectFile } from './paths.ts';

// Worker threads run the TypeScript sources (through tsx), also when the main thread runs the bundle.
const ENTRY = projectFile('src/platform/threads/ts-entry.mjs');

export type WorkerMessage<T> =
  | { type: 'progress'; pages: number }
  | { type: 'done'; result: T }
  | { type: 'error'; message: string; code?: ErrorCode; details?: unknown };

/** The message a thread posts for a failure; an AppError keeps its code and details across the thread. */
export function errorMessage(error: unknown): WorkerMessage<never> {
  return isAppError(error)
    ? { type: 'error', message: error.message, code: error.code, details: error.details }
    : { type: 'error', message: (error as Error).message };
}

export type ThreadOptions = {
  /** The thread's old-generation heap; past it the thread dies (ERR_WORKER_OUT_OF_MEMORY), not the process. */
  heapMb?: number;
};

/** Runs `module` in a thread; resolves with its result, reporting progress on the way. */
export function runInThread<T>(
  module: URL,
  input: unknown,
  onProgress: (pages: number) => void,
  options: ThreadOptions = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    // A bounded heap makes V8 collect early instead of growing each thread towards the machine's memory.
    const worker = new Worker(ENTRY, {
      workerData: { module: module.href, input },
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? 384 },
    });
    let settled = false;
    worker.on('message', (message: WorkerMessage<T>) => {
      if (message.type === 'progress') onProgress(message.pages);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(
          message.code
            ? new AppError(message.code, message.message, message.details)
            : new Error(message.message),
        );
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

/** At most `size` tasks at once; the rest wait their turn in order (parse threads: memory is per thread). */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** Upload parses of this process share these: two hostile files at once cost two thread heaps, not twenty. */
export const parseSlots = new Slots(2);
