// `publica start` stops on SIGTERM and SIGINT like `publica serve`: everything it started (the HTTP server, the
// jobs, the simulated VK) closes and the process exits on its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/db.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/publica.js');
/** How long a graceful stop may take (the server's own deadline is 10 s). */
const STOP_BOUND_MS = 8_000;

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts the demo on a free port and resolves once it says it is serving. */
async function startDemo(): Promise<ChildProcess> {
  const dir = tempDir();
  const started = spawn(
    process.execPath,
    [BIN, '--lang', 'en', 'start', '--institutions', '10', '--regions', '1', '--port', '0'],
    {
      cwd: dir,
      env: {
        ...process.env,
        PUBLICA_DATA_DIR: path.join(dir, 'data'),
        PUBLICA_DB: '',
        PUBLICA_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child = started;
  let out = '';
  let err = '';
  started.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    started.stdout?.on('data', (chunk) => {
      out += chunk;
      if (/Publica is serving: http:\/\//.test(out)) resolve();
    });
    started.once('exit', (code) => reject(new Error(`start exited (${code}) before serving: ${err}`)));
  });
  return started;
}

describe('publica start', () => {
  // SIGINT takes the same path (serveUntilSignal listens for both); one signal keeps this slow test single.
  for (const signal of ['SIGTERM'] as const)
    it(`stops everything it started and exits on ${signal}`, async () => {
      const demo = await startDemo();
      const exited = once(demo, 'exit');
      const sent = Date.now();
      demo.kill(signal);
      const bound = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`still running ${STOP_BOUND_MS} ms after ${signal}`)),
          STOP_BOUND_MS,
        ),
      );
      const [code] = (await Promise.race([exited, bound])) as [number | null];
      expect(code).toBe(0);
      expect(Date.now() - sent).toBeLessThan(STOP_BOUND_MS);
    }, 180_000);
});
