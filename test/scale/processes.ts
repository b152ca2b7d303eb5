// Real `publica` processes for the scale-out tests and benchmarks: spawned with their own environment, their
// output kept for the failure message, the URL they print awaited.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/publica.js');

export type Proc = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** `input`, when given, is written to the command's standard input (secrets come that way). */
export function startPublica(args: string[], env: Record<string, string>, input?: string): Proc {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, PUBLICA_LANG: 'en', ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin?.end(input);
  let text = '';
  child.stdout?.on('data', (d) => {
    text += d;
  });
  child.stderr?.on('data', (d) => {
    text += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** Waits for the first http://… the process prints (its listening address), or the first group of `pattern`. */
export async function urlOf(
  proc: Proc,
  ms = 30_000,
  pattern = /(http:\/\/127\.0\.0\.1:\d+)/,
): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(proc.output());
    if (match?.[1]) return match[1];
    if (Date.now() > end || proc.child.exitCode !== null)
      throw new Error(
        `no address from publica ${proc.child.spawnargs.slice(2).join(' ')}:\n${proc.output()}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs a command to its end; throws with its output when it fails. */
export async function runPublica(args: string[], env: Record<string, string>): Promise<string> {
  const proc = startPublica(args, env);
  const code = await proc.exited;
  if (code !== 0) throw new Error(`publica ${args.join(' ')} exited ${code}:\n${proc.output()}`);
  return proc.output();
}

export async function stopAll(procs: Proc[]): Promise<void> {
  for (const p of procs)
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  await Promise.all(
    procs.map((p) =>
      Promise.race([p.exited, new Promise((r) => setTimeout(r, 15_000))]).then(() => {
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      }),
    ),
  );
}
