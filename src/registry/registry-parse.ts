// Parses an uploaded registry file off the event loop: a worker thread with a bounded heap reads, caps and
// validates it; a file that would take more memory than the thread has is a file error, not a crashed server.
import { projectFile } from '../platform/paths.ts';
import { parseSlots, runInThread } from '../platform/threads.ts';
import { type ReadLimits, RegistryFileError } from './registry-file.reader.ts';
import type { ParseInput, ParseResult } from './registry-parse.worker.ts';

/**
 * What one upload may hold: above the largest region's registry (a few thousand rows). The import's write
 * transaction runs on the event loop on SQLite (synchronous driver), so the row cap also bounds that pause;
 * the whole country's registry goes through `publica import registry`, which has no row cap.
 */
export const UPLOAD_READ_LIMITS: ReadLimits = { maxRows: 10_000, maxColumns: 50 };
/** The parse thread's heap: a maximal valid file needs about a third of it. */
const PARSE_HEAP_MB = 160;

const WORKER = projectFile('src/registry/registry-parse.worker.ts');

export async function parseRegistryUpload(
  path: string,
  name: string,
  limits: ReadLimits = UPLOAD_READ_LIMITS,
): Promise<ParseResult> {
  const input: ParseInput = { path, name, limits };
  try {
    return await parseSlots.run(() =>
      runInThread<ParseResult>(WORKER, input, () => {}, { heapMb: PARSE_HEAP_MB }),
    );
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw new RegistryFileError(name, 'too_complex');
    throw error;
  }
}
