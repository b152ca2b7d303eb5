// Benchmark: import the registry of a 100,000-institution world and compare with the floor, a bare
// INSERT loop of the same rows (institution + page) in one transaction on the same kind of database.
// Prints rows/s and the ratio import ÷ bare (target >= 0.5). Run: npm run bench:registry-import
// Options (env): BENCH_INSTITUTIONS (default 100000), PUBLICA_BENCH_PG=postgres://… to also run on PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import {
  importRegistry,
  importRegistryFile,
  readRegistryFile,
  validateRecord,
} from '../src/registry/index.ts';
import type { RegistryRow } from '../src/registry/registry-row.ts';
import { generateWorld, WORLD_FILES, writeWorld } from '../src/vk-sim/index.ts';

const institutions = Number(process.env.BENCH_INSTITUTIONS ?? 100_000);
const out = path.resolve(import.meta.dirname, 'out');
const worldDir = path.join(out, `world-${institutions}`);
const registry = path.join(worldDir, WORLD_FILES.registry);

if (!fs.existsSync(registry)) {
  console.log(`generating a ${institutions}-institution world in ${worldDir}`);
  writeWorld(worldDir, generateWorld({ institutions, regions: 89, seed: 1, asOf: '2026-11-29', days: 120 }));
}

const file = await readRegistryFile(registry);
const rows = file.records.flatMap((r) => {
  const result = validateRecord(r, file.columnCount);
  return result.ok ? [result.row] : [];
});
console.log(`registry: ${rows.length} rows (${(fs.statSync(registry).size / 1e6).toFixed(1)} MB)`);

const INSERT_INSTITUTION = `INSERT INTO institutions (inn, ogrn, full_name, short_name, kind, region_code, address, website, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`;
const INSERT_PAGE = `INSERT INTO pages (institution_id, platform, external_id, screen_name, url, status, created_at, updated_at) VALUES ($1,'vk',$2,$3,$4,'unknown',$5,$6)`;
const params = (r: RegistryRow, now: number) => [
  r.inn,
  r.ogrn,
  r.full_name,
  r.short_name,
  r.kind,
  r.region_code,
  r.address,
  r.website,
  now,
  now,
];
const pageParams = (r: RegistryRow, id: number, now: number) => {
  const vk = r.vk;
  if (!vk) return null;
  return [
    id,
    vk.kind === 'id' ? vk.externalId : null,
    vk.kind === 'screen_name' ? vk.screenName : null,
    vk.url,
    now,
    now,
  ];
};

async function measure(label: string, work: () => Promise<void> | void): Promise<number> {
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(2)} s, ${Math.round(rows.length / seconds)} rows/s`);
  return seconds;
}

async function sqliteRun() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publica-bench-'));
  const importDb = openDb(path.join(dir, 'import.db'));
  await migrateToLatest(importDb);
  const imported = await measure('sqlite import (read + validate + write)', async () => {
    await importRegistryFile(importDb, registry);
  });
  await importDb.close();
  // The same import with the file already parsed: what validation and the upserts cost over the bare loop.
  const second = openDb(path.join(dir, 'import2.db'));
  await migrateToLatest(second);
  const parsed = await readRegistryFile(registry);
  const validatedAndWritten = await measure(
    'sqlite import of the parsed file (validate + write)',
    async () => {
      await importRegistry(second, parsed);
    },
  );
  await second.close();

  const bareDb = openDb(path.join(dir, 'bare.db'));
  await migrateToLatest(bareDb);
  await bareDb.close();
  const raw = new SQLite(path.join(dir, 'bare.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON'); // the same settings as the application's connection
  const toSqlite = (sql: string) => sql.replace(/\$\d+/g, '?');
  const insertInstitution = raw.prepare(toSqlite(INSERT_INSTITUTION));
  const insertPage = raw.prepare(toSqlite(INSERT_PAGE));
  const now = Math.floor(Date.now() / 1000);
  const bare = await measure('sqlite bare INSERT loop (write only)', () => {
    raw.transaction(() => {
      for (const r of rows) {
        const id = Number(insertInstitution.run(...params(r, now)).lastInsertRowid);
        const page = pageParams(r, id, now);
        if (page) insertPage.run(...page);
      }
    })();
  });
  raw.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { imported, bare, validatedAndWritten };
}

async function postgresRun(url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const names = ['publica_bench_import', 'publica_bench_bare'];
  for (const name of names) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const at = (name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  const importDb = openDb(at('publica_bench_import'));
  await migrateToLatest(importDb);
  const imported = await measure('postgres import (read + validate + write)', async () => {
    await importRegistryFile(importDb, registry);
  });
  await importDb.close();
  const bareDb = openDb(at('publica_bench_bare'));
  await migrateToLatest(bareDb);
  await bareDb.close();
  const client = new pg.Client({ connectionString: at('publica_bench_bare') });
  await client.connect();
  const now = Math.floor(Date.now() / 1000);
  const bare = await measure('postgres bare INSERT loop (write only)', async () => {
    await client.query('BEGIN');
    for (const r of rows) {
      const { rows: inserted } = await client.query(`${INSERT_INSTITUTION} RETURNING id`, params(r, now));
      const page = pageParams(r, inserted[0].id, now);
      if (page) await client.query(INSERT_PAGE, page);
    }
    await client.query('COMMIT');
  });
  await client.end();
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  return { imported, bare };
}

const report = (dialect: string, r: { imported: number; bare: number }) =>
  console.log(
    `${dialect}: import ${Math.round(rows.length / r.imported)} rows/s, bare ${Math.round(rows.length / r.bare)} rows/s, ratio import/bare = ${(r.bare / r.imported).toFixed(2)} (target >= 0.5)`,
  );

const sqlite = await sqliteRun();
report('sqlite', sqlite);
console.log(
  `sqlite: without CSV parsing (validate + write) ratio = ${(sqlite.bare / sqlite.validatedAndWritten).toFixed(2)}; reading and parsing the 45 MB file is the rest`,
);
const pgUrl = process.env.PUBLICA_BENCH_PG;
if (pgUrl) report('postgres', await postgresRun(pgUrl));
else console.log('postgres: skipped (set PUBLICA_BENCH_PG=postgres://… to run)');
