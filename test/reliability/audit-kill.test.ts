// An audit killed with SIGKILL on SQLite (WAL) in the middle of its run: the previous run stays whole and is
// what readers see; the partial run is marked failed when the next audit starts, and that audit ends with the
// same results as the first. Nothing of the database is damaged.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageReport, parsePeriod, runAudit } from '../../src/audit/index.ts';
import { loadWorld } from '../../src/collect/index.ts';
import { loadVersion } from '../../src/methodology/index.ts';
import { type Db, openDb } from '../../src/platform/db.ts';
import { migrateToLatest } from '../../src/platform/migrate.ts';
import { COUNTRY } from '../../src/platform/scope.ts';
import { generateWorld, writeWorld } from '../../src/vk-sim/index.ts';
import { tempDir } from '../db.ts';

const AT = '2026-11-29';
const BIN = path.resolve(import.meta.dirname, '../../bin/publica.js');

describe('an audit killed mid-run on SQLite', () => {
  const dir = tempDir('publica-audit-kill-');
  const file = path.join(dir, 'publica.db');
  let db: Db;

  beforeAll(async () => {
    // Enough pages for three batches of 500, so the kill after the second leaves a partial run.
    const world = generateWorld({ institutions: 1_400, regions: 2, seed: 8, asOf: AT, days: 30 });
    writeWorld(path.join(dir, 'world'), world);
    db = openDb(file);
    await migrateToLatest(db);
    await loadWorld(db, path.join(dir, 'world'));
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const results = (runId: number) =>
    db.kysely
      .selectFrom('audit_page_results')
      .select(['page_id', 'total', 'level', 'results_json'])
      .where('run_id', '=', runId)
      .orderBy('page_id')
      .execute();
  const runs = () => db.kysely.selectFrom('audit_runs').select(['id', 'status']).orderBy('id').execute();

  it('keeps the previous run whole, marks the partial one failed, and the next run matches the first', async () => {
    const version = loadVersion('2023.1');
    const period = parsePeriod('30d', version.defaultPeriodDays, AT);
    const first = await runAudit(db, { version, period, workers: 1 });
    const before = await results(first.runId);
    expect(before.length).toBeGreaterThan(1_000);

    const signal = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [BIN, '--db', file, 'audit', '--period', '30d', '--at', AT, '--workers', '1'],
        { env: { ...process.env, PUBLICA_CRASH_AT: 'audit.after-batch:2' }, stdio: 'ignore' },
      );
      child.once('exit', (_code, sig) => resolve(sig));
    });
    expect(signal).toBe('SIGKILL');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);

    // The killed run wrote two batches and stopped: it is still "running", nothing of it is read.
    const [, killed] = await runs();
    expect(killed?.status).toBe('running');
    const partial = await results(killed?.id ?? -1);
    expect(partial.length).toBe(1_000);
    expect(await results(first.runId)).toEqual(before);
    const report = await pageReport(db, COUNTRY, partial[0]?.page_id ?? -1, 'ru');
    expect(report.runId).toBe(first.runId);

    const next = await runAudit(db, { version, period, workers: 1 });
    expect(await runs()).toEqual([
      { id: first.runId, status: 'done' },
      { id: killed?.id, status: 'failed' },
      { id: next.runId, status: 'done' },
    ]);
    expect(await results(next.runId)).toEqual(before);
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db.kysely);
    expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
  }, 180_000);
});
