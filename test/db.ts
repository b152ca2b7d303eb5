// Runs a DB test suite once per dialect: SQLite always, PostgreSQL when the global setup found a server.
// Each test gets a fresh, migrated database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from 'vitest';
import { type Db, type Dialect, openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { PG_TEMPLATE_DB, withDatabase } from './pg-env.ts';

export type FreshDb = { db: Db; url: string; dispose(): Promise<void> };

export function tempDir(prefix = 'publica-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function freshSqlite(): Promise<FreshDb> {
  const dir = tempDir();
  const url = path.join(dir, 'test.db');
  const db = openDb(url);
  await migrateToLatest(db);
  return {
    db,
    url,
    dispose: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function freshPostgres(adminUrl: string): Promise<FreshDb> {
  const name = `publica_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = openDb(url);
  return {
    db,
    url,
    dispose: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function freshDb(dialect: Dialect): Promise<FreshDb> {
  const pgUrl = inject('pgUrl');
  if (dialect === 'sqlite') return freshSqlite();
  if (!pgUrl) throw new Error('PostgreSQL is not configured for this run');
  return freshPostgres(pgUrl);
}

export type DbContext = { readonly db: Db; readonly url: string; readonly dialect: Dialect };

/**
 * Declares the suite for SQLite and PostgreSQL; `ctx.db` is a fresh migrated database in each test, or one
 * for the whole suite with `shared` (suites that build a costly fixture once and only read it).
 */
export function describeEachDialect(
  title: string,
  body: (ctx: DbContext) => void,
  options: { shared?: boolean } = {},
): void {
  const pgUrl = inject('pgUrl');
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe.skipIf(dialect === 'postgres' && !pgUrl)(`${title} [${dialect}]`, () => {
      let current: FreshDb | undefined;
      const ctx: DbContext = {
        dialect,
        get db() {
          if (!current) throw new Error('no database: used outside a test');
          return current.db;
        },
        get url() {
          if (!current) throw new Error('no database: used outside a test');
          return current.url;
        },
      };
      const [before, after] = options.shared ? [beforeAll, afterAll] : [beforeEach, afterEach];
      before(async () => {
        current = await freshDb(dialect);
      });
      after(async () => {
        await current?.dispose();
        current = undefined;
      });
      body(ctx);
    });
  }
}
