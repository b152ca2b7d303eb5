// Before the suite: find PostgreSQL (PUBLICA_TEST_PG), build a migrated template database for fast
// per-test copies, and say loudly when the PostgreSQL half is skipped. In CI a missing server fails.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { isPgRequired, PG_TEMPLATE_DB, pgAdminUrl, withDatabase } from './pg-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const url = pgAdminUrl();
  if (!url) {
    if (isPgRequired()) throw new Error('PUBLICA_TEST_PG is not set, and this run requires PostgreSQL');
    console.warn(
      '\n*** PostgreSQL tests SKIPPED: set PUBLICA_TEST_PG=postgres://… to run the PostgreSQL half ***\n',
    );
    project.provide('pgUrl', null);
    return;
  }
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL at PUBLICA_TEST_PG is unreachable: ${(error as Error).message}`);
  }
  await dropTestDatabases(admin);
  await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
  const db = openDb(withDatabase(url, PG_TEMPLATE_DB));
  await migrateToLatest(db);
  await db.close();
  await admin.end();
  project.provide('pgUrl', url);
  console.warn('PostgreSQL tests run against', url.replace(/:[^:@/]*@/, ':***@'));
  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await dropTestDatabases(client);
    await client.end();
  };
}

async function dropTestDatabases(client: pg.Client) {
  const { rows } = await client.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'publica_test_%'",
  );
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
}
