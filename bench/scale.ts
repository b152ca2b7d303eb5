// Benchmark: scale-out on PostgreSQL with real worker processes. Collection throughput of 1, 2 and 4 workers
// against the ceiling of 4 VK tokens (the simulated VK in its own process), and the time of a distributed audit
// with 1, 2 and 4 workers; each printed as a ratio to 1 worker (and collection to the ceiling).
// Run: PUBLICA_BENCH_PG=postgres://… npm run bench:scale  (BENCH_INSTITUTIONS, BENCH_TOKEN_RATE, BENCH_WORKERS)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateWorld, writeWorld } from '../src/vk-sim/index.ts';
import { type Proc, runPublica, startPublica, stopAll, urlOf } from '../test/scale/processes.ts';

const adminUrl = process.env.PUBLICA_BENCH_PG;
if (!adminUrl)
  throw new Error(
    'set PUBLICA_BENCH_PG=postgres://user@host:port/postgres (a server to create databases on)',
  );
const institutions = Number(process.env.BENCH_INSTITUTIONS ?? 6000);
const rate = Number(process.env.BENCH_TOKEN_RATE ?? 20);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
const TOKENS = ['b1', 'b2', 'b3', 'b4'];
const ceiling = TOKENS.length * rate;
const AT = '2026-11-29';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publica-bench-scale-'));
writeWorld(dir, generateWorld({ institutions, regions: 4, seed: 11, asOf: AT, days: 30 }));
const quota = { 'wall.get': 1e7, 'wall.getComments': 1e7, execute: 1e7 };
const tokenFile = path.join(dir, 'tokens.json');
fs.writeFileSync(
  tokenFile,
  JSON.stringify(TOKENS.map((token) => ({ token, kind: 'user', perSecond: rate, dailyQuota: quota }))),
);
const sim = startPublica(['vk-sim', '--world', dir, '--port', '0', '--tokens', tokenFile], {});
const vkUrl = await urlOf(sim);
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function one<T>(url: string, text: string): Promise<T | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows[0] as T | undefined;
  } finally {
    await client.end();
  }
}

async function waitFor(
  url: string,
  table: 'collection_runs' | 'audit_runs',
): Promise<{ stats_json: string }> {
  for (;;) {
    const run = await one<{ status: string; stats_json: string }>(
      url,
      `select status, stats_json from ${table} order by id desc limit 1`,
    );
    if (run && run.status === 'done') return run;
    if (run?.status === 'failed') throw new Error(`${table}: failed: ${run.stats_json}`);
    await sleep(250);
  }
}

type Row = {
  workers: number;
  collectSeconds: number;
  requestsPerSecond: number;
  auditSeconds: number;
  pages: number;
};
const rows: Row[] = [];
for (const workers of workerCounts) {
  const name = `publica_bench_scale_${workers}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env = {
    PUBLICA_DB: url.toString(),
    PUBLICA_VK_URL: vkUrl,
    PUBLICA_VK_TOKENS: TOKENS.map((t) => `user:${t}:${rate}`).join(','),
    PUBLICA_SHARD_PAGES: '100',
    PUBLICA_AUDIT_SHARD_PAGES: '300',
    PUBLICA_JOB_POLL_SECONDS: '0.5',
    PUBLICA_LOG_LEVEL: 'warn',
  };
  await runPublica(['import', 'registry', path.join(dir, 'registry.csv')], env);
  const procs: Proc[] = Array.from({ length: workers }, () =>
    startPublica(['serve', '--role', 'worker'], env),
  );
  await sleep(2000);
  let started = performance.now();
  await runPublica(['jobs', 'enqueue', 'collect', '--no-audit'], env);
  const collection = JSON.parse((await waitFor(env.PUBLICA_DB, 'collection_runs')).stats_json) as {
    requests: number;
    pages: number;
  };
  const collectSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await runPublica(['jobs', 'enqueue', 'audit', '--period', '30d', '--at', AT], env);
  await waitFor(env.PUBLICA_DB, 'audit_runs');
  const auditSeconds = (performance.now() - started) / 1000;
  await stopAll(procs);
  rows.push({
    workers,
    collectSeconds,
    requestsPerSecond: collection.requests / collectSeconds,
    auditSeconds,
    pages: collection.pages,
  });
  console.log(
    `${workers} worker(s): ${collection.pages} pages, ${collection.requests} requests in ${collectSeconds.toFixed(1)} s = ${(collection.requests / collectSeconds).toFixed(1)}/s; audit ${auditSeconds.toFixed(1)} s`,
  );
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
await stopAll([sim]);
await admin.end();
fs.rmSync(dir, { recursive: true, force: true });

const base = rows[0] as Row;
console.log(
  `\nceiling: ${TOKENS.length} tokens × ${rate} requests/s = ${ceiling}/s; ${os.availableParallelism()} CPU cores`,
);
console.log('workers | collect req/s | of ceiling | vs 1 worker | audit s | audit speed-up vs 1 worker');
for (const r of rows)
  console.log(
    `${String(r.workers).padStart(7)} | ${r.requestsPerSecond.toFixed(1).padStart(13)} | ${(r.requestsPerSecond / ceiling).toFixed(2).padStart(10)} | ${(r.requestsPerSecond / base.requestsPerSecond).toFixed(2).padStart(11)} | ${r.auditSeconds.toFixed(1).padStart(7)} | ${(base.auditSeconds / r.auditSeconds).toFixed(2)}`,
  );
