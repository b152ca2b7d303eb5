// Benchmark: the API over a 100,000-institution audited dataset (the audit benchmark's database). The server
// runs in its own process (`publica serve`); autocannon on loopback measures requests/s and latency of
//   - the region roll-up (a regional operator's municipalities),
//   - the page list (filtered by region and kind, sorted by score, paged; regions and pages rotate),
//   - the page report (1,000 different pages in turn),
// each as a ratio of the same server's /healthz throughput in the same run (targets: roll-ups and lists
// >= 0.25, no errors), with p99 per 10-second window to show it is stable.
// Run: npm run bench:api. Env: BENCH_SECONDS per scenario (default 60), BENCH_INSTITUTIONS (default 100000),
// PUBLICA_BENCH_PG=postgres://… to use the PostgreSQL copy the audit benchmark loaded instead of SQLite.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { runAudit } from '../src/audit/index.ts';
import { createUsers } from '../src/auth/index.ts';
import { loadWorld } from '../src/collect/index.ts';
import { loadVersion } from '../src/methodology/index.ts';
import { CONSOLE_ACTOR } from '../src/platform/audit-log.ts';
import { type Db, openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { COUNTRY } from '../src/platform/scope.ts';
import { generateWorld, worldEnd, writeWorld } from '../src/vk-sim/index.ts';

const institutions = Number(process.env.BENCH_INSTITUTIONS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const WINDOW = 10;
/** BENCH_ONLY=list,report runs only those scenarios (besides /healthz). */
const only = new Set((process.env.BENCH_ONLY ?? 'rollup,list,report').split(','));
const CONNECTIONS = 32;
const out = path.resolve(import.meta.dirname, 'out');
const worldDir = path.join(out, `world-${institutions}`);
const dbUrl = process.env.PUBLICA_BENCH_PG ?? path.join(out, `audit-${institutions}.db`);
const PASSWORD = 'bench-password-1';
const DAY = 86_400;

/** The dataset: the world loaded once, and an audit by the current code (roll-ups need its coverage marks). */
async function prepare(db: Db): Promise<void> {
  await migrateToLatest(db);
  if (!fs.existsSync(path.join(worldDir, 'world.json'))) {
    console.log(`generating a ${institutions}-institution world in ${worldDir}`);
    writeWorld(
      worldDir,
      generateWorld({ institutions, regions: 89, seed: 1, asOf: '2026-11-29', days: 120 }),
    );
  }
  const posts = await db.kysely
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(posts.n) === 0) {
    console.log(`loading the world into ${db.label} (once)…`);
    await loadWorld(db, worldDir);
  }
  const latest = await db.kysely
    .selectFrom('audit_runs')
    .select('id')
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const marked = latest
    ? await db.kysely
        .selectFrom('audit_page_results')
        .select('page_id')
        .where('run_id', '=', latest.id)
        .where('verified', '=', 1)
        .limit(1)
        .executeTakeFirst()
    : undefined;
  if (!marked) {
    console.log('auditing the dataset with the current code (once)…');
    const end = worldEnd(JSON.parse(fs.readFileSync(path.join(worldDir, 'world.json'), 'utf8')));
    const started = performance.now();
    await runAudit(db, { version: loadVersion('2023.1'), period: { start: end - 90 * DAY, end } });
    console.log(`  audited in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

async function ensureUser(db: Db, login: string, role: string, scope: object): Promise<void> {
  const users = createUsers(db);
  const root = { ...CONSOLE_ACTOR, scope: COUNTRY };
  const found = await users.findByLogin(root, login).catch(() => null);
  if (found) await users.resetPassword(root, found.id, PASSWORD);
  else await users.add(root, { login, role, scope: scope as never, password: PASSWORD });
}

function startServer(cache: boolean): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['bin/publica.js', 'serve', '--port', '0'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      PUBLICA_DB: dbUrl,
      PUBLICA_LANG: 'en',
      PUBLICA_LOG_LEVEL: 'warn',
      PUBLICA_API_CACHE: cache ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /serving: (http:\/\/\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

async function tokenFor(url: string, login: string): Promise<string> {
  const signIn = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  const me = (await signIn.json()) as { csrfToken: string };
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const made = await fetch(`${url}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
    body: JSON.stringify({ name: 'bench', permissions: ['data.read'] }),
  });
  return ((await made.json()) as { token: string }).token;
}

type Window = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** One scenario for `seconds`, measured in 10-second windows; paths rotate through `paths`. */
async function measure(url: string, paths: string[], token: string | null): Promise<Window[]> {
  const windows: Window[] = [];
  let next = 0;
  for (let elapsed = 0; elapsed < seconds; elapsed += WINDOW) {
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: WINDOW,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      requests: [
        {
          setupRequest: (request) => {
            request.path = paths[next++ % paths.length] as string;
            return request;
          },
        },
      ],
    });
    windows.push({
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    });
  }
  return windows;
}

function summary(label: string, windows: Window[], base?: number): number {
  const rps = windows.reduce((s, w) => s + w.rps, 0) / windows.length;
  const errors = windows.reduce((s, w) => s + w.errors + w.non2xx, 0);
  const p99s = windows.map((w) => w.p99);
  const p50 = windows.reduce((s, w) => s + w.p50, 0) / windows.length;
  console.log(
    `${label.padEnd(12)} ${rps.toFixed(0).padStart(6)} req/s  p50 ${p50.toFixed(1)} ms  p99 per ${WINDOW}s: ${p99s.join(' / ')} ms  errors ${errors}` +
      (base ? `  ratio to /healthz ${(rps / base).toFixed(2)}` : ''),
  );
  return rps;
}

const db = openDb(dbUrl);
await prepare(db);
const region = await db.kysely
  .selectFrom('institutions')
  .select(['region_code', (eb) => eb.fn.countAll<number>().as('n')])
  .groupBy('region_code')
  .orderBy('n', 'desc')
  .executeTakeFirstOrThrow();
await ensureUser(db, 'bench-federal', 'federal_viewer', { level: 'country' });
await ensureUser(db, 'bench-region', 'region_viewer', { level: 'region', regionCode: region.region_code });
const regions = (await db.kysely.selectFrom('regions').select('code').execute()).map((r) => r.code);
const latest = await db.kysely
  .selectFrom('audit_runs')
  .select('id')
  .where('status', '=', 'done')
  .orderBy('id', 'desc')
  .executeTakeFirstOrThrow();
const reportPages = (
  await db.kysely
    .selectFrom('audit_page_results')
    .select('page_id')
    .where('run_id', '=', latest.id)
    .orderBy('page_id')
    .execute()
)
  .filter((_r, i, all) => i % Math.max(1, Math.floor(all.length / 1000)) === 0)
  .map((r) => r.page_id);
await db.close();

// Warm: the response cache on, as served. Cold: the cache off, every request computed (BENCH_COLD=0 skips it).
for (const cache of process.env.BENCH_COLD === '0' ? [true] : [true, false]) {
  const server = await startServer(cache);
  try {
    const federal = await tokenFor(server.url, 'bench-federal');
    const regional = await tokenFor(server.url, 'bench-region');
    const where = dbUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
    console.log(
      `${cache ? 'WARM (response cache on)' : 'COLD (response cache off)'}: ${institutions} institutions on ${where}; ${CONNECTIONS} connections, ${seconds} s per scenario`,
    );
    const base = summary('/healthz', await measure(server.url, ['/healthz'], null));
    if (only.has('rollup'))
      summary('roll-up', await measure(server.url, ['/api/rollups?by=municipality'], regional), base);
    const lists = regions.flatMap((code) =>
      [1, 2, 3].map((p) => `/api/pages?region=${code}&kind=school&sort=-score&size=50&page=${p}`),
    );
    if (only.has('list')) summary('page list', await measure(server.url, lists, federal), base);
    const reports = reportPages.map((id) => `/api/pages/${id}/report`);
    if (only.has('report')) summary('page report', await measure(server.url, reports, federal), base);
  } finally {
    server.stop();
  }
}
