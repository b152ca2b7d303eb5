// Benchmark: export the whole page list of the audit benchmark's dataset (77,714 pages of 100,000 institutions)
// as CSV and as XLSX from `publica serve` in its own process, consumed as a client would, and print rows/s and
// the server's peak RSS (VmHWM; target: under 300 MB for 100,000 rows). One server per format, so each peak is
// its own. Run: npm run bench:export (after npm run bench:audit or bench:api made the dataset).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createUsers } from '../src/auth/index.ts';
import { CONSOLE_ACTOR } from '../src/platform/audit-log.ts';
import { openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { COUNTRY } from '../src/platform/scope.ts';

const institutions = Number(process.env.BENCH_INSTITUTIONS ?? 100_000);
const dbUrl =
  process.env.PUBLICA_BENCH_PG ?? path.resolve(import.meta.dirname, 'out', `audit-${institutions}.db`);
const PASSWORD = 'bench-password-1';

const db = openDb(dbUrl);
await migrateToLatest(db);
const users = createUsers(db);
const root = { ...CONSOLE_ACTOR, scope: COUNTRY };
const existing = await users.findByLogin(root, 'bench-export').catch(() => null);
if (existing) await users.resetPassword(root, existing.id, PASSWORD);
else
  await users.add(root, {
    login: 'bench-export',
    role: 'federal_viewer',
    scope: { level: 'country' },
    password: PASSWORD,
  });
await db.close();

function serve(): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['bin/publica.js', 'serve', '--port', '0'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, PUBLICA_DB: dbUrl, PUBLICA_LANG: 'en', PUBLICA_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /serving: (http:\/\/\S+)/.exec(chunk.toString());
      if (match?.[1] && child.pid)
        resolve({ url: match[1], pid: child.pid, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

/** Peak and current resident memory of a process, from /proc (Linux). */
function memory(pid: number): { peak: number; now: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { peak: kib('VmHWM'), now: kib('VmRSS') };
}

for (const format of (process.env.BENCH_FORMATS ?? 'csv,xlsx').split(',')) {
  const server = await serve();
  try {
    const signIn = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'bench-export', password: PASSWORD }),
    });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const before = memory(server.pid);
    const started = performance.now();
    const res = await fetch(`${server.url}/api/exports/pages?format=${format}&sort=-score`, {
      headers: { cookie },
    });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (format === 'csv') for (const b of chunk) if (b === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    const after = memory(server.pid);
    console.log(
      `${format}: ${res.status}, ${(bytes / 2 ** 20).toFixed(1)} MiB${format === 'csv' ? `, ${lines - 1} rows` : ''} in ${seconds.toFixed(1)} s; server peak RSS ${after.peak.toFixed(0)} MiB (${before.now.toFixed(0)} MiB before the export)`,
    );
  } finally {
    server.stop();
  }
}
