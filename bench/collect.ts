// Benchmark: the collector against the simulated VK (a separate process) with 3 user tokens at 20 requests/s
// on a ~10,000-page world. Prints the requests/s achieved as a ratio of the ceiling the tokens allow (target
// >= 0.9), and posts and comments ingested per second; then OK and MAX against their ceilings
// (bench/collect-networks.ts). Run: npm run bench:collect.
// Env: BENCH_COLLECT_INSTITUTIONS (default 13000, about 10,000 pages), BENCH_TOKENS (default 3), BENCH_RPS (20).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collect } from '../src/collect/index.ts';
import { openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { importRegistryFile } from '../src/registry/index.ts';
import { generateWorld, WORLD_FILES, writeWorld } from '../src/vk-sim/index.ts';
import { benchNetworks } from './collect-networks.ts';

const institutions = Number(process.env.BENCH_COLLECT_INSTITUTIONS ?? 13_000);
const tokenCount = Number(process.env.BENCH_TOKENS ?? 3);
const rps = Number(process.env.BENCH_RPS ?? 20);
const worldDir = path.resolve(import.meta.dirname, 'out', `world-collect-${institutions}`);
if (!fs.existsSync(path.join(worldDir, 'world.json')))
  writeWorld(
    worldDir,
    generateWorld({
      institutions,
      regions: 20,
      seed: 7,
      asOf: new Date().toISOString().slice(0, 10),
      days: 120,
    }),
  );

const port = 18_900 + Math.floor(Math.random() * 500);
const tokens = Array.from({ length: tokenCount }, (_, i) => ({
  token: `bench-${i}`,
  kind: 'user' as const,
  perSecond: rps,
}));
const bin = path.resolve(import.meta.dirname, '../bin/publica.js');
const sim = spawn(
  process.execPath,
  [
    bin,
    'vk-sim',
    '--world',
    worldDir,
    '--port',
    String(port),
    ...tokens.flatMap((t) => ['--token', `user:${t.token}:${rps}`]),
  ],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
await new Promise((r) => setTimeout(r, 2500));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publica-collect-'));
const db = openDb(path.join(dir, 'collect.db'));
try {
  await migrateToLatest(db);
  await importRegistryFile(db, path.join(worldDir, WORLD_FILES.registry));
  const report = await collect(db, { baseUrl: `http://127.0.0.1:${port}`, tokens });
  const ratio = report.requestsPerSecond / report.ceiling;
  console.log(
    `collect: ${report.pages} pages, ${report.posts} posts, ${report.comments} comments, ${report.requests} requests in ${report.seconds} s`,
  );
  console.log(
    `requests/s ${report.requestsPerSecond} of a ${report.ceiling}/s ceiling: ratio ${ratio.toFixed(2)} (target >= 0.9)`,
  );
  console.log(
    `ingested ${Math.round(report.posts / report.seconds)} posts/s and ${Math.round(report.comments / report.seconds)} comments/s; errors ${JSON.stringify(report.errors)}`,
  );
} finally {
  await db.close();
  sim.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
// OK and MAX, each against its own ceiling.
await benchNetworks(Number(process.env.BENCH_NET_INSTITUTIONS ?? 200));
