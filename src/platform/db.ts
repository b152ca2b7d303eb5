// Opens the database named by a URL: a file path or sqlite: URL → better-sqlite3; postgres:// → pg.
// Nothing else in the code branches on the dialect except repos that pick a faster bulk path.

import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type Compilable,
  Kysely,
  PostgresDialect,
  type SelectQueryBuilder,
  SqliteDialect,
  sql,
} from 'kysely';
import type pg from 'pg';
import { crashPoint } from './crash-points.ts';
import type { Database, RunStatus } from './db-schema.ts';
import { AppError } from './errors.ts';
import { keptStatements } from './sqlite-statements.ts';

export type Dialect = 'sqlite' | 'postgres';

export type Db = {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite connection under Kysely, for repos' prepared-statement bulk path; absent on PostgreSQL. */
  sqlite?: SQLite.Database;
  /** The URL it was opened with (another connection, e.g. in a worker thread, opens the same). */
  url: string;
  /** A display form of the URL without the password. */
  label: string;
  /** Inside a transaction: the data versions to bump just before it commits (see bumpVersion). */
  bumps?: Set<VersionKind>;
  close(): Promise<void>;
};

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

export function openDb(url: string): Db {
  return dialectOf(url) === 'postgres' ? openPostgres(url) : openSqlite(url);
}

function sqlitePath(url: string): string {
  if (url === ':memory:' || url === 'sqlite::memory:') return ':memory:';
  return url.replace(/^sqlite:(\/\/)?/i, '');
}

function openSqlite(url: string): Db {
  const file = sqlitePath(url);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let database: SQLite.Database;
  try {
    database = new SQLite(file);
  } catch (error) {
    throw new AppError('DB_UNAVAILABLE', `Cannot open SQLite database ${file}: ${(error as Error).message}`);
  }
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  // A 16 MiB page cache per connection (audits scan millions of rows; threads each hold one). No mmap:
  // mapped pages count as resident memory.
  database.pragma('cache_size = -16384');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: keptStatements(database) }) });
  return { kysely, dialect: 'sqlite', sqlite: database, url, label: file, close: () => kysely.destroy() };
}

// int8 (count(*), bigint ids) arrive as strings by default; our values stay far below 2^53.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
function pgTypes(driver: typeof pg): pg.CustomTypesConfig {
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
      return driver.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
}

function openPostgres(url: string): Db {
  // pg is loaded when the first connection is made: a SQLite process never needs it.
  const pool = async () => {
    const { default: driver } = await import('pg');
    const created = new driver.Pool({ connectionString: url, max: 10, types: pgTypes(driver) });
    // An idle client can be cut by the server (restart, admin termination); the pool replaces it. Without a
    // listener such an error would crash the process.
    created.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01')
        process.stderr.write(`warn: idle PostgreSQL connection failed: ${error.message}\n`);
    });
    return created;
  };
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    url,
    dialect: 'postgres',
    label: url.replace(/:[^:@/]*@/, ':***@'),
    close: () => kysely.destroy(),
  };
}

/** Runs `work` in one transaction: everything it writes lands together or not at all. */
export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const result = await db.kysely.transaction().execute(async (trx) => {
    const tx: Db = { ...db, kysely: trx, bumps: new Set() };
    const value = await work(tx);
    await bumpVersions(tx, tx.bumps ?? new Set());
    crashPoint('db.before-commit');
    return value;
  });
  crashPoint('db.after-commit');
  // What this process just committed must not hide behind versions it read before.
  localCommitAt.set(db.url, performance.now());
  return result;
}

/**
 * The rows of one query in one ordered pass, handed over `batch` rows at a time as the consumer asks: a long
 * export sorts once and holds one batch, never the whole result. The pass has a connection of its own (a
 * read-only SQLite connection; a PostgreSQL cursor on its own client), so the shared connection keeps serving
 * other requests between batches. Stopping early (a client gone) closes it.
 */
export async function* streamRows<R>(db: Db, query: Compilable, batch = 2000): AsyncGenerator<R[]> {
  const { sql: text, parameters } = query.compile();
  const args = parameters as unknown[];
  if (db.sqlite?.memory) {
    // An in-memory database has no second connection: read it whole (tests and tools only).
    const rows = db.sqlite.prepare(text).all(...args) as R[];
    for (let i = 0; i < rows.length; i += batch) yield rows.slice(i, i + batch);
    return;
  }
  if (db.sqlite) {
    const reader = new SQLite(db.sqlite.name, { readonly: true, fileMustExist: true });
    try {
      reader.pragma('busy_timeout = 5000');
      // A small cache: one pass reads each page once, and the sort spills to a temporary file past it.
      reader.pragma('cache_size = -4096');
      let rows: R[] = [];
      for (const row of reader.prepare(text).iterate(...args)) {
        rows.push(row as R);
        if (rows.length >= batch) {
          yield rows;
          rows = [];
        }
      }
      if (rows.length > 0) yield rows;
    } finally {
      reader.close();
    }
    return;
  }
  const [{ default: driver }, { default: Cursor }] = await Promise.all([import('pg'), import('pg-cursor')]);
  const client = new driver.Client({ connectionString: db.url, types: pgTypes(driver) });
  await client.connect();
  try {
    const cursor = client.query(new Cursor<R>(text, args));
    for (let rows = await cursor.read(batch); rows.length > 0; rows = await cursor.read(batch)) yield rows;
    await cursor.close();
  } finally {
    await client.end();
  }
}

/**
 * One page of a filtered list and the size of the whole list, read together: `rows` selects and orders the
 * page's rows from the filtered query; the count runs over the same filter.
 */
export async function pageOf<DB, TB extends keyof DB, O, R>(
  filtered: SelectQueryBuilder<DB, TB, O>,
  rows: (query: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, R>,
  page: { page: number; size: number },
): Promise<{ items: R[]; total: number }> {
  const [items, count] = await Promise.all([
    rows(filtered)
      .limit(page.size)
      .offset((page.page - 1) * page.size)
      .execute(),
    filtered.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number((count as { n: number | string }).n) };
}

/** Splits a list into chunks, for multi-row statements that stay under both dialects' parameter limits. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows per multi-row statement on the SQLite bulk path: fewer statement runs, a third less time. */
const SQLITE_BATCH = 50;

/**
 * The SQLite bulk path: Kysely builds (and type-checks) the statement for a batch of rows, SQLite prepares it
 * once, and every full batch runs through the prepared statement; the remainder goes row by row. Rows must
 * share their keys' order, which is the order of the statement's parameters (checked on the first batch).
 */
export function eachRowSqlite<R extends object>(
  database: SQLite.Database,
  rows: readonly R[],
  build: (values: R[]) => Compilable,
): void {
  const [first] = rows;
  if (!first) return;
  const keys = Object.keys(first) as (keyof R)[];
  const params = (batch: readonly R[]) => batch.flatMap((row) => keys.map((k) => row[k]));
  // Compile from rows rebuilt in the first row's key order, so the SQL's columns match `params`.
  const ordered = (batch: R[]) => batch.map((row) => Object.fromEntries(keys.map((k) => [k, row[k]])) as R);
  const prepare = (batch: R[]) => {
    const compiled = build(ordered(batch)).compile();
    if (JSON.stringify(compiled.parameters) !== JSON.stringify(params(batch)))
      throw new Error(`bulk path: parameters of ${compiled.sql.slice(0, 60)} do not follow the rows' keys`);
    return database.prepare(compiled.sql);
  };
  const whole = rows.length - (rows.length % SQLITE_BATCH);
  if (whole > 0) {
    const statement = prepare(rows.slice(0, SQLITE_BATCH));
    for (let i = 0; i < whole; i += SQLITE_BATCH) statement.run(params(rows.slice(i, i + SQLITE_BATCH)));
  }
  if (whole < rows.length) {
    const single = prepare([rows[whole] as R]);
    for (let i = whole; i < rows.length; i++) single.run(params([rows[i] as R]));
  }
}

type Executable = Compilable & { execute(): Promise<unknown[]> };

/**
 * Writes many rows with one statement shape: batched prepared statements on SQLite (see eachRowSqlite),
 * multi-row statements of `chunk` rows on PostgreSQL.
 */
export async function writeRows<R extends object>(
  db: Db,
  rows: readonly R[],
  build: (values: R[]) => Executable,
  chunk = 400,
): Promise<void> {
  if (db.sqlite) {
    eachRowSqlite(db.sqlite, rows, build);
    return;
  }
  for (const part of chunked(rows, chunk)) await build(part).execute();
}

type Returnable = Executable & { returning(column: 'id'): { execute(): Promise<{ id: number }[]> } };
type IdTable = 'municipalities' | 'institutions' | 'pages' | 'page_snapshots' | 'posts' | 'comments';

/**
 * Inserts rows and gives their new ids in the same order. On SQLite the ids are assigned here, inside the
 * write transaction that SQLite holds alone (RETURNING would make it 2.4 times slower); PostgreSQL returns
 * the ids of a multi-row VALUES in order.
 */
export async function insertReturningIds<R extends object>(
  db: Db,
  table: IdTable,
  rows: readonly R[],
  build: (values: (R & { id?: number })[]) => Compilable,
  chunk = 400,
): Promise<number[]> {
  if (db.sqlite) {
    const start = nextSqliteId(db.sqlite, table);
    const withIds = rows.map((row, i) => ({ id: start + i, ...row }));
    eachRowSqlite(db.sqlite, withIds, build);
    return withIds.map((row) => row.id);
  }
  const ids: number[] = [];
  for (const part of chunked(rows, chunk)) {
    // The builder inserts into a table with an integer `id`; Kysely cannot see that through the generic.
    const inserted = await (build(part) as Returnable).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

function nextSqliteId(database: SQLite.Database, table: IdTable): number {
  const row = database
    .prepare(
      `SELECT MAX(m) AS m FROM (SELECT MAX(id) AS m FROM "${table}" UNION ALL SELECT seq FROM sqlite_sequence WHERE name = ?)`,
    )
    .get(table) as { m: number | null };
  return (row.m ?? 0) + 1;
}

/** Past this many keys one scan of the table beats hundreds of `IN (…)` lookups. */
const FULL_SCAN_KEYS = 5000;

/**
 * Finds rows by many keys: `IN` lookups in chunks for a few keys, one scan filtered in memory for many.
 * `pick` gives the key a row matches on.
 */
export async function lookupMany<K, T>(
  keys: readonly K[],
  byKeys: (chunk: K[]) => Promise<T[]>,
  scanAll: () => Promise<T[]>,
  pick: (row: T) => K | null,
): Promise<T[]> {
  if (keys.length === 0) return [];
  if (keys.length > FULL_SCAN_KEYS) {
    const wanted = new Set(keys);
    return (await scanAll()).filter((row) => {
      const key = pick(row);
      return key !== null && wanted.has(key);
    });
  }
  const found: T[] = [];
  for (const chunk of chunked(keys, 500)) found.push(...(await byKeys(chunk)));
  return found;
}

export type RunChange = { status?: RunStatus; pagesDone?: number; finishedAt?: number; stats?: object };

/** The columns a change of a run (collection or audit) sets: runs share their progress columns. */
export function runChangeSet(change: RunChange) {
  return {
    ...(change.status ? { status: change.status } : {}),
    ...(change.pagesDone !== undefined ? { pages_done: change.pagesDone } : {}),
    ...(change.finishedAt !== undefined ? { finished_at: change.finishedAt } : {}),
    ...(change.stats ? { stats_json: JSON.stringify(change.stats) } : {}),
  };
}

/** The number of rows of a table. */
export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A trivial query: whether the database answers (readiness probes). */
export async function pingDb(db: Db): Promise<boolean> {
  await sql`select 1`.execute(db.kysely);
  return true;
}

/**
 * Version counters in `data_version`, bumped inside the writing transaction, so a new version becomes visible
 * together with its data and a reader never caches old data under a new version. Caches name the kinds of
 * data they depend on: a roll-up does not go stale when a page is collected, only when the registry changes or
 * an audit finishes.
 */
export const VERSION_ROWS = { registry: 1, auth: 2, audit: 3, collection: 4 } as const;

export type VersionKind = keyof typeof VERSION_ROWS;
export type Versions = Record<VersionKind, number>;

export async function bumpVersion(db: Db, kind: VersionKind): Promise<void> {
  // In a transaction the bump waits for its end: the version rows are then locked last and always in the same
  // order, so transactions of different writers (collection shards, audits, imports) cannot deadlock on them.
  if (db.bumps) db.bumps.add(kind);
  else await bumpVersions(db, new Set([kind]));
}

async function bumpVersions(db: Db, kinds: Set<VersionKind>): Promise<void> {
  const ids = [...kinds].map((k) => VERSION_ROWS[k]).sort((a, b) => a - b);
  for (const id of ids)
    await db.kysely
      .updateTable('data_version')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  if (ids.length > 0) localCommitAt.set(db.url, performance.now());
}

/**
 * On PostgreSQL the versions are a round trip, so a process reuses what it read for 50 ms: another process's
 * write shows in cached answers at most that much later; this process's own writes show at once. SQLite reads
 * them on every request (a prepared statement, microseconds).
 */
const VERSIONS_REUSE_MS = 50;
const versionsRead = new Map<string, { at: number; value: Promise<Versions> }>();
const localCommitAt = new Map<string, number>();
const versionStatements = new WeakMap<SQLite.Database, SQLite.Statement>();

export function readVersions(db: Db): Promise<Versions> {
  if (db.sqlite) {
    let statement = versionStatements.get(db.sqlite);
    if (!statement) {
      statement = db.sqlite.prepare('select id, version from data_version');
      versionStatements.set(db.sqlite, statement);
    }
    return Promise.resolve(versionsOf(statement.all() as VersionRow[]));
  }
  const now = performance.now();
  const last = versionsRead.get(db.url);
  if (last && now - last.at < VERSIONS_REUSE_MS && last.at > (localCommitAt.get(db.url) ?? -1))
    return last.value;
  const value = db.kysely.selectFrom('data_version').select(['id', 'version']).execute().then(versionsOf);
  versionsRead.set(db.url, { at: now, value });
  value.catch(() => versionsRead.delete(db.url));
  return value;
}

type VersionRow = { id: number; version: number | string };

function versionsOf(rows: VersionRow[]): Versions {
  const of = (id: number) => Number(rows.find((r) => r.id === id)?.version ?? 0);
  return {
    registry: of(VERSION_ROWS.registry),
    auth: of(VERSION_ROWS.auth),
    audit: of(VERSION_ROWS.audit),
    collection: of(VERSION_ROWS.collection),
  };
}
