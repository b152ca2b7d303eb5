// Uploads within a memory budget: a real server (`publica serve`, its own process) takes a registry CSV of the
// largest allowed size (valid rows, a dry run: the heaviest path) and an XLSX of 100,000 rows (the shape that
// took a server from 150 MB to 1.1 GB); its resident memory grows by less than 300 MB over its idle size and
// /healthz keeps answering while the file is read in a worker thread.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../src/platform/http/upload.ts';
import { tempDir } from '../db.ts';
import { csvText, schoolLine } from '../factories.ts';
import { BIN, type Proc, startPublica, stopAll, urlOf } from './processes.ts';

const BUDGET_MB = 300;
/**
 * /healthz answers within this during an upload (it stopped answering for 28 s and more before). Parsing runs
 * in a worker thread; what remains on the event loop is the import's SQLite write transaction (a synchronous
 * driver), bounded by the 10,000-row cap: about 1 s on an idle machine, 2.5 s measured on a loaded one.
 */
const HEALTH_MS = 5000;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

/** The registry limit filled by 10,000 rows (the row cap), long addresses making up the bytes. */
function largestCsv(): Buffer {
  const lines = [];
  const header = Buffer.byteLength(csvText([]));
  let size = header;
  for (let n = 1; n <= 10_000; n++) {
    const line = schoolLine(n, { address: `г. Москва, ул. Школьная, д. ${n}, ${'корпус '.repeat(40)}` });
    size += Buffer.byteLength(csvText([line])) - header + 2;
    if (size > UPLOAD_LIMITS.registry - 4096) break;
    lines.push(line);
  }
  return Buffer.from(csvText(lines));
}

describe.runIf(process.platform === 'linux')('uploads of the maximum size within a memory budget', () => {
  const dir = tempDir('publica-upload-memory-');
  const env = { PUBLICA_DB: path.join(dir, 'publica.db'), PUBLICA_LOG_LEVEL: 'warn', PUBLICA_DATA_DIR: dir };
  const servers: Proc[] = [];
  let url = '';
  let cookie = '';
  let csrf = '';
  let pid = 0;

  beforeAll(async () => {
    const made = spawnSync(
      process.execPath,
      [BIN, 'user', 'add', 'uploader', '--role', 'federal', '--scope', 'country', '--password-stdin'],
      { env: { ...process.env, ...env }, input: 'upload-password-1\n', encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    const server = startPublica(['serve', '--role', 'web', '--port', '0'], env);
    servers.push(server);
    url = await urlOf(server, 60_000);
    pid = server.child.pid as number;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'uploader', password: 'upload-password-1' }),
    });
    expect(login.status).toBe(200);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  }, 120_000);

  afterAll(async () => {
    await stopAll(servers);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Uploads while sampling the server's RSS and the latency of /healthz until the answer comes. */
  async function measuredUpload(name: string, data: Buffer) {
    const idle = rssMb(pid);
    let done = false;
    let peak = idle;
    let slowest = 0;
    const watch = (async () => {
      while (!done) {
        const started = Date.now();
        const health = await fetch(`${url}/healthz`);
        expect(health.status).toBe(200);
        slowest = Math.max(slowest, Date.now() - started);
        peak = Math.max(peak, rssMb(pid));
        await delay(50);
      }
    })();
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(data)]), name);
    const res = await fetch(`${url}/api/registry/uploads?dryRun=1&lang=en`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
      body: form,
    });
    const body = (await res.json()) as { status: string; rows: number; message: string | null };
    done = true;
    await watch;
    peak = Math.max(peak, rssMb(pid));
    console.log(
      `${name}: ${(data.length / 1024 / 1024).toFixed(1)} MB, ${body.rows} rows, ${body.status}; server idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB (+${(peak - idle).toFixed(0)}), slowest /healthz ${slowest} ms`,
    );
    return { res, body, idle, peak, slowest };
  }

  it('previews a registry CSV of the largest allowed size: RSS +300 MB at most, /healthz answering', async () => {
    const csv = largestCsv();
    expect(csv.length).toBeLessThanOrEqual(UPLOAD_LIMITS.registry);
    expect(csv.length).toBeGreaterThan(UPLOAD_LIMITS.registry * 0.9);
    const { res, body, idle, peak, slowest } = await measuredUpload('largest.csv', csv);
    expect(res.status).toBe(200);
    expect(body.status).toBe('previewed');
    expect(peak - idle).toBeLessThan(BUDGET_MB);
    expect(slowest).toBeLessThan(HEALTH_MS);
  }, 300_000);

  it('stops a 100,000-row XLSX at the row cap: RSS +300 MB at most, /healthz answering', async () => {
    const file = path.join(dir, 'rows.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = writer.addWorksheet('registry');
    sheet.addRow(['inn', 'full_name', 'kind', 'region_code']).commit();
    for (let n = 0; n < 100_000; n++) sheet.addRow(['1', `Школа ${n}`, 'school', '77']).commit();
    sheet.commit();
    await writer.commit();
    const { res, body, idle, peak, slowest } = await measuredUpload('rows.xlsx', fs.readFileSync(file));
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'rejected' });
    expect(body.message).toMatch(/at most 10,000/);
    expect(peak - idle).toBeLessThan(BUDGET_MB);
    expect(slowest).toBeLessThan(HEALTH_MS);
  }, 300_000);
});
