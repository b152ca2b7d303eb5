// Benchmark: export the whole page list of the audit benchmark's dataset (77,714 pages of 100,000 institutions)
// as CSV and as XLSX through the HTTP server, consuming the stream as a client would, and print rows/s and the
// peak RSS of the process (target: under 300 MB for 100,000 rows).
// Run: npm run bench:export (after npm run bench:audit or bench:api made the dataset).
import path from 'node:path';
import { createSessions, createUsers } from '../src/auth/index.ts';
import { buildWebApp } from '../src/main/web.ts';
import { CONSOLE_ACTOR } from '../src/platform/audit-log.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { COUNTRY } from '../src/platform/scope.ts';

const institutions = Number(process.env.BENCH_INSTITUTIONS ?? 100_000);
const dbUrl =
  process.env.PUBLICA_BENCH_PG ?? path.resolve(import.meta.dirname, 'out', `audit-${institutions}.db`);
const db = openDb(dbUrl);
await migrateToLatest(db);
const users = createUsers(db);
const root = { ...CONSOLE_ACTOR, scope: COUNTRY };
const existing = await users.findByLogin(root, 'bench-export').catch(() => null);
const user =
  existing ??
  (
    await users.add(root, {
      login: 'bench-export',
      role: 'federal_viewer',
      scope: { level: 'country' },
      password: 'bench-password-1',
    })
  ).user;
const sessions = createSessions(db);
const { token } = await sessions.createToken(
  {
    userId: user.id,
    login: user.login,
    role: 'federal_viewer',
    scope: COUNTRY,
    permissions: new Set(['data.read']),
    via: 'session',
    csrfToken: null,
    credential: '',
  },
  { name: 'bench export', permissions: ['data.read'] },
);
const app = await buildWebApp(db, { ...loadConfig({}), logLevel: 'warn' });
const url = await app.listen({ port: 0, host: '127.0.0.1' });

for (const format of (process.env.BENCH_FORMATS ?? 'csv,xlsx').split(',') as ('csv' | 'xlsx')[]) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const res = await fetch(`${url}/api/exports/pages?format=${format}&sort=-score`, {
    headers: { authorization: `Bearer ${token}` },
  });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (format === 'csv') for (const b of chunk) if (b === 10) lines++;
  }
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${format}: ${res.status}, ${(bytes / 2 ** 20).toFixed(1)} MiB${format === 'csv' ? `, ${lines - 1} rows` : ''} in ${seconds.toFixed(1)} s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${(before / 2 ** 20).toFixed(0)} MiB before)`,
  );
}
await app.close();
await db.close();
