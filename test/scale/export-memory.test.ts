// A 100,000-row export stays under 300 MB: the server (`publica serve` from the bundle, its own process) streams
// the institution list of a 100,000-institution registry as CSV and as XLSX; its peak RSS (VmHWM, from /proc)
// stays under 300 MB and grows by a bounded amount over its idle peak. Holding the rows (or a non-streaming
// workbook) would add several times as much.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../db.ts';
import { BIN, type Proc, runPublica, startPublica, stopAll, urlOf } from './processes.ts';

const ROWS = 100_000;
/** What one export may add to the server's resident memory: a streamed 100,000 rows, not the table. */
const EXPORT_BUDGET_MB = 150;

function peakMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

describe.runIf(process.platform === 'linux')('a 100,000-row export in constant memory', () => {
  const dir = tempDir('publica-export-');
  const env = { PUBLICA_DB: path.join(dir, 'publica.db'), PUBLICA_LOG_LEVEL: 'warn' };
  const servers: Proc[] = [];

  beforeAll(async () => {
    // The server as deployed: the bundle, not the sources transpiled at start.
    const built = spawnSync(
      process.execPath,
      [path.resolve(import.meta.dirname, '../../scripts/build.mjs')],
      {
        encoding: 'utf8',
      },
    );
    expect(built.status, built.stderr).toBe(0);
    await runPublica(
      [
        'world',
        'generate',
        '--out',
        dir,
        '--institutions',
        String(ROWS),
        '--regions',
        '89',
        '--seed',
        '9',
        '--days',
        '1',
      ],
      env,
    );
    await runPublica(['import', 'registry', path.join(dir, 'registry.csv')], env);
    const made = spawnSync(
      process.execPath,
      [BIN, 'user', 'add', 'exporter', '--role', 'federal_viewer', '--scope', 'country', '--password-stdin'],
      { env: { ...process.env, ...env }, input: 'export-password-1\n', encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
  }, 180_000);

  afterAll(async () => {
    await stopAll(servers);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh server per format, so each peak is that export's; its idle peak (after sign-in) first. */
  async function exportOnce(format: 'csv' | 'xlsx') {
    // A web process, as exports are served when deployed: the scheduler's and workers' own jobs (reminders,
    // publishing) would run in an all-in-one process too and blur what the export itself costs.
    const server = startPublica(['serve', '--role', 'web', '--port', '0'], env);
    servers.push(server);
    const url = await urlOf(server);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'exporter', password: 'export-password-1' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const idle = peakMb(server.child.pid as number);
    const res = await fetch(`${url}/api/exports/institutions?format=${format}&sort=name`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const file = path.join(dir, `institutions.${format}`);
    // Saved chunk by chunk, as a browser saves a download.
    const out = fs.createWriteStream(file);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise<void>((r) => out.end(() => r()));
    const peak = peakMb(server.child.pid as number);
    server.child.kill('SIGTERM');
    await server.exited;
    console.log(`${format}: ${ROWS} rows, server idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`);
    return { idle, peak, file };
  }

  it('streams 100,000 rows as CSV: every row, the server under 300 MB', async () => {
    const { idle, peak, file } = await exportOnce('csv');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect((text.match(/\r\n/g) ?? []).length).toBe(ROWS + 1);
    expect(peak - idle).toBeLessThan(EXPORT_BUDGET_MB);
    expect(peak).toBeLessThan(300);
  }, 300_000);

  it('streams 100,000 rows as XLSX: every row, the server under 300 MB', async () => {
    const { idle, peak, file } = await exportOnce('xlsx');
    expect(peak - idle).toBeLessThan(EXPORT_BUDGET_MB);
    expect(peak).toBeLessThan(300);
    // Read back row by row (the reader streams too).
    let rows = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
    for await (const sheet of reader) for await (const _row of sheet) rows++;
    expect(rows).toBe(ROWS + 1);
  }, 300_000);
});
