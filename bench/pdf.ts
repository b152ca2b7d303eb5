// Benchmark: the region PDF report from `publica serve` in its own process, over the audit benchmark's dataset.
// Prints
//   - the floor: a one-page document printed by a warm Chromium in this process (the least a PDF costs),
//   - the region report's HTML alone (data and markup, format=html) and the same HTML printed here,
//   - the region PDF alone (warm Chromium, a report not in the cache; target <= 1.5 s) and its ratio to the floor,
//   - the same region's PDF asked again: served from the server's cache of rendered reports,
//   - BENCH_CONCURRENT (default 12, target >= 10) PDFs of as many other regions asked at once by different users
//     (each a render of its own): how many were
//     served, refused (503 with Retry-After, the bounded queue) or failed, the slowest, and the server's RSS
//     growth over it (VmHWM - RSS before; target <= +300 MB).
// Run: npm run bench:pdf (after bench:audit or bench:api made the dataset; BENCH_INSTITUTIONS, default 100000,
// names it; PUBLICA_BENCH_PG=postgres://… serves the PostgreSQL copy instead).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createUsers } from '../src/auth/index.ts';
import { CONSOLE_ACTOR } from '../src/platform/audit-log.ts';
import { openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { COUNTRY } from '../src/platform/scope.ts';
import { closePdfBrowser, htmlToPdf } from '../src/reports/pdf.ts';

const institutions = Number(process.env.BENCH_INSTITUTIONS ?? 100_000);
const concurrent = Number(process.env.BENCH_CONCURRENT ?? 12);
const dbUrl =
  process.env.PUBLICA_BENCH_PG ?? path.resolve(import.meta.dirname, 'out', `audit-${institutions}.db`);
const PASSWORD = 'bench-password-1';
const USERS = Math.max(1, Math.ceil(concurrent / 2));

if (!dbUrl.startsWith('postgres') && !fs.existsSync(dbUrl))
  throw new Error(`${dbUrl} does not exist: run npm run bench:audit (or bench:api) first`);
const db = openDb(dbUrl);
await migrateToLatest(db);
// The biggest region for the lone report; the next ones for the concurrent requests, each a render of its own
// (the server caches rendered reports, and identical requests in flight share one render).
const regions = await db.kysely
  .selectFrom('institutions')
  .select(['region_code', (eb) => eb.fn.countAll<number>().as('n')])
  .groupBy('region_code')
  .orderBy('n', 'desc')
  .limit(concurrent + 1)
  .execute();
const region = regions[0];
if (!region) throw new Error(`${dbUrl} has no institutions`);
const users = createUsers(db);
const root = { ...CONSOLE_ACTOR, scope: COUNTRY };
for (let i = 0; i < USERS; i++) {
  const login = `bench-pdf-${i}`;
  const found = await users.findByLogin(root, login).catch(() => null);
  if (found) await users.resetPassword(root, found.id, PASSWORD);
  else
    await users.add(root, { login, role: 'federal_viewer', scope: { level: 'country' }, password: PASSWORD });
}
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

/** Resident memory of the process and its children (the server's Chromium), from /proc (Linux). */
function treeRss(pid: number): number {
  const kib = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const children = (p: number): number[] => {
    try {
      return fs
        .readFileSync(`/proc/${p}/task/${p}/children`, 'utf8')
        .split(/\s+/)
        .filter(Boolean)
        .map(Number)
        .flatMap((c) => [c, ...children(c)]);
    } catch {
      return [];
    }
  };
  return [pid, ...children(pid)].reduce((sum, p) => sum + kib(p), 0) / 1024;
}

async function signIn(url: string, login: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

async function timed(
  url: string,
  cookie: string,
): Promise<{ status: number; seconds: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, seconds: (performance.now() - started) / 1000, bytes: body.length };
}

const options = { header: 'Publica', footer: 'Publica', pageOf: '{page} / {pages}' };
await htmlToPdf('<!doctype html><p>warm-up</p>', options);
let started = performance.now();
await htmlToPdf('<!doctype html><meta charset="utf-8"><h1>Регион</h1><p>Одна страница.</p>', options);
const floor = (performance.now() - started) / 1000;
console.log(`floor: a one-page PDF from a warm Chromium in ${floor.toFixed(2)} s`);

const server = await serve();
try {
  const cookies = await Promise.all(
    Array.from({ length: USERS }, (_, i) => signIn(server.url, `bench-pdf-${i}`)),
  );
  const reportOf = (code: string, lang: string) =>
    `${server.url}/api/reports/units/region/${code}?lang=${lang}`;
  const report = reportOf(region.region_code, 'ru');
  const cookie = cookies[0] as string;
  // The first request starts the server's Chromium and warms its caches; the one measured is the same report
  // in English, another document that the cache does not hold yet. Then the Russian one again, from the cache.
  const cold = await timed(`${report}&format=pdf`, cookie);
  const html = await timed(`${reportOf(region.region_code, 'en')}&format=html`, cookie);
  const markup = await (await fetch(`${report}&format=html`, { headers: { cookie } })).text();
  started = performance.now();
  await htmlToPdf(markup, options);
  const printed = (performance.now() - started) / 1000;
  const alone = await timed(`${reportOf(region.region_code, 'en')}&format=pdf`, cookie);
  const cached = await timed(`${report}&format=pdf`, cookie);
  console.log(
    `region ${region.region_code} (${region.n} institutions): HTML alone ${html.seconds.toFixed(2)} s; that HTML printed here ${printed.toFixed(2)} s`,
  );
  console.log(
    `region PDF alone: ${alone.status}, ${(alone.bytes / 1024).toFixed(0)} KiB in ${alone.seconds.toFixed(2)} s (first, cold: ${cold.seconds.toFixed(2)} s); target <= 1.5 s; ratio to the floor ${(alone.seconds / floor).toFixed(1)}`,
  );
  console.log(
    `region PDF asked again (from the server's cache of rendered reports): ${cached.status} in ${cached.seconds.toFixed(3)} s`,
  );

  const before = treeRss(server.pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(server.pid));
  }, 100);
  started = performance.now();
  const results = await Promise.all(
    Array.from({ length: concurrent }, (_, i) =>
      timed(
        `${reportOf(regions[1 + (i % (regions.length - 1))]?.region_code ?? region.region_code, 'ru')}&format=pdf`,
        cookies[i % USERS] as string,
      ),
    ),
  );
  const wall = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, treeRss(server.pid));
  const served = results.filter((r) => r.status === 200);
  const refused = results.filter((r) => r.status === 503).length;
  const failed = results.length - served.length - refused;
  const slowest = Math.max(...served.map((r) => r.seconds), 0);
  console.log(
    `${concurrent} region PDFs at once: ${served.length} served, ${refused} refused (503), ${failed} failed in ${wall.toFixed(1)} s; slowest served ${slowest.toFixed(1)} s; server RSS (with Chromium) ${before.toFixed(0)} -> peak ${peak.toFixed(0)} MiB = +${(peak - before).toFixed(0)} MiB (target <= +300 MB)`,
  );
} finally {
  server.stop();
  await closePdfBrowser();
}
