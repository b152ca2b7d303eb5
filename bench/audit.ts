// Benchmark: audit a 100,000-institution world (~78,000 pages, ~4 M posts, ~6 M comments over 120 days; the
// audit reads 90 days) and compare with the floor, one plain SQL pass reading the same posts and comments
// columns once. Prints pages/s, peak RSS and the ratio audit ÷ floor (targets: ratio <= 3, RSS <= 1.5 GiB).
// Run: npm run bench:audit. Env: BENCH_INSTITUTIONS (default 100000), PUBLICA_BENCH_PG=postgres://… to also
// run on PostgreSQL (loads the world there first).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { runAudit } from '../src/audit/index.ts';
import { loadWorld } from '../src/collect/index.ts';
import { loadVersion } from '../src/methodology/index.ts';
import { type Db, openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { generateWorld, worldEnd, writeWorld } from '../src/vk-sim/index.ts';

const institutions = Number(process.env.BENCH_INSTITUTIONS ?? 100_000);
const out = path.resolve(import.meta.dirname, 'out');
const worldDir = path.join(out, `world-${institutions}`);
const DAY = 86_400;

if (!fs.existsSync(path.join(worldDir, 'world.json'))) {
  console.log(`generating a ${institutions}-institution world in ${worldDir}`);
  writeWorld(worldDir, generateWorld({ institutions, regions: 89, seed: 1, asOf: '2026-11-29', days: 120 }));
}
const end = worldEnd(JSON.parse(fs.readFileSync(path.join(worldDir, 'world.json'), 'utf8')));
const period = { start: end - 90 * DAY, end };

async function prepare(db: Db, marker: string) {
  await migrateToLatest(db);
  const { n } = await db.kysely
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(n) > 0 && fs.existsSync(marker)) return;
  console.log(`loading the world into ${db.label} (once)…`);
  const started = performance.now();
  await loadWorld(db, worldDir);
  fs.writeFileSync(marker, 'loaded');
  console.log(`  loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * The floor: every posts and comments column the audit reads, for the period, read once in one pass — through
 * the driver directly (better-sqlite3's iterate; a pg cursor), the fastest plain read there is.
 */
async function floorPass(db: Db): Promise<{ seconds: number; rows: number }> {
  const postsSql = `SELECT page_id, vk_id, posted_at, edited_at, text, photos, videos, clips, polls, lives, docs, links, likes, comments, reposts, views, is_pinned, is_ad, is_repost, comments_closed FROM posts WHERE posted_at >= $1 AND posted_at < $2 AND is_deleted = 0`;
  const commentsSql = `SELECT page_id, post_vk_id, vk_id, from_id, is_from_community, posted_at, reply_to_comment, thread_root, text, is_deleted FROM comments WHERE posted_at >= $1 AND posted_at < $2`;
  const started = performance.now();
  let rows = 0;
  if (db.sqlite) {
    for (const query of [postsSql, commentsSql])
      for (const _row of db.sqlite.prepare(query.replace(/\$\d/g, '?')).iterate(period.start, period.end))
        rows++;
  } else {
    const client = new pg.Client({ connectionString: process.env.PUBLICA_BENCH_PG });
    await client.connect();
    for (const query of [postsSql, commentsSql]) {
      const cursor = client.query(new Cursor(query, [period.start, period.end]));
      for (let batch = await cursor.read(5000); batch.length > 0; batch = await cursor.read(5000))
        rows += batch.length;
      await cursor.close();
    }
    await client.end();
  }
  return { seconds: (performance.now() - started) / 1000, rows };
}

async function bench(label: string, db: Db) {
  const floor = await floorPass(db);
  console.log(
    `${label} floor: one pass over ${floor.rows} post and comment rows in ${floor.seconds.toFixed(1)} s`,
  );
  const version = loadVersion('2023.1');
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  const started = performance.now();
  const summary = await runAudit(db, { version, period });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${label} audit: ${summary.pages} pages in ${seconds.toFixed(1)} s = ${Math.round(summary.pages / seconds)} pages/s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${(rssBefore / 2 ** 20).toFixed(0)} MiB before it)`,
  );
  console.log(
    `${label} ratio audit/floor = ${(seconds / floor.seconds).toFixed(2)} (target <= 3); levels ${JSON.stringify(summary.levels)}`,
  );
}

const sqliteFile = path.join(out, `audit-${institutions}.db`);
const sqlite = openDb(sqliteFile);
await prepare(sqlite, `${sqliteFile}.loaded`);
await bench('sqlite', sqlite);
await sqlite.close();

const pgUrl = process.env.PUBLICA_BENCH_PG;
if (pgUrl) {
  const pg = openDb(pgUrl);
  await prepare(pg, path.join(out, `audit-${institutions}.pg.loaded`));
  await bench('postgres', pg);
  await pg.close();
} else console.log('postgres: skipped (set PUBLICA_BENCH_PG=postgres://… to run)');
