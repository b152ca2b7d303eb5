import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/db.ts';
import { csvText, schoolLine, writeFile } from '../../test/factories.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/publica.js');

function publica(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PUBLICA_DATA_DIR: path.join(cwd, 'data'), PUBLICA_DB: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('publica command', () => {
  it('lists its commands and the configuration table in --help', () => {
    const { code, stdout } = publica(['--help'], tempDir());
    expect(code).toBe(0);
    for (const command of ['start', 'status', 'import', 'world', 'db']) expect(stdout).toContain(command);
    expect(stdout).toContain('PUBLICA_DB');
  });

  it('status --json writes only JSON to stdout, with the stable keys', () => {
    const dir = tempDir();
    const { code, stdout } = publica(['status', '--json'], dir);
    expect(code).toBe(0);
    const status = JSON.parse(stdout);
    expect(status).toMatchObject({
      regions: 89,
      municipalities: 0,
      institutions: 0,
      pages: 0,
      posts: 0,
      comments: 0,
    });
    expect(status).toHaveProperty('lastCollectionRun', null);
    expect(status).toHaveProperty('lastAuditRun', null);
  });

  it('import registry rejects a bad file with row and field on stderr, a non-zero exit and nothing written', () => {
    const dir = tempDir();
    const file = writeFile(dir, 'bad.csv', csvText([schoolLine(1), schoolLine(2, { region_code: '99' })]));
    const rejected = publica(['--lang', 'en', 'import', 'registry', file], dir);
    expect(rejected.code).not.toBe(0);
    expect(rejected.stderr).toContain('bad.csv: row 3, field "region_code": unknown region code');
    expect(rejected.stderr.trim().split('\n').at(-1)).toMatch(
      /^error: bad\.csv: 1 invalid rows; nothing was written/,
    );
    expect(JSON.parse(publica(['status', '--json'], dir).stdout).institutions).toBe(0);

    const skipped = publica(['import', 'registry', file, '--skip-invalid', '--json'], dir);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ created: 1, skipped: 1 });
  });

  it('speaks Russian by default', () => {
    const dir = tempDir();
    const result = publica(['import', 'registry', path.join(dir, 'missing.csv')], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^ошибка: missing\.csv: не удалось прочитать файл/);
  });

  it('generates and loads a world, and start brings up the demo on SQLite', () => {
    const dir = tempDir();
    const generated = publica(
      [
        'world',
        'generate',
        '--institutions',
        '50',
        '--regions',
        '1',
        '--seed',
        '3',
        '--as-of',
        '2026-11-01',
        '--out',
        'w',
        '--json',
      ],
      dir,
    );
    expect(generated.code).toBe(0);
    expect(JSON.parse(generated.stdout).counts.institutions).toBe(50);
    const loaded = publica(['world', 'load', 'w', '--json'], dir);
    expect(loaded.code).toBe(0);
    expect(JSON.parse(loaded.stdout).institutions).toBe(50);

    const startDir = tempDir();
    const start = publica(['start', '--institutions', '40', '--regions', '1', '--no-serve'], startDir);
    expect(start.code).toBe(0);
    expect(start.stdout).toMatch(/"institutions":40/);
    // OK groups and MAX channels beside VK, collected from their simulators.
    const nets = /ОК \(http[^)]+\): групп (\d+).*MAX \(http[^)]+\): каналов (\d+)/.exec(start.stdout);
    expect(nets, start.stdout).not.toBeNull();
    expect(Number(nets?.[1])).toBeGreaterThan(15);
    expect(Number(nets?.[2])).toBeGreaterThan(3);
    // One demo account per role, printed with the shared password.
    expect(start.stdout).toMatch(/publica-demo/);
    for (const login of ['demo-federal', 'demo-region-viewer', 'demo-institution', 'demo-trainer'])
      expect(start.stdout).toContain(login);
  });

  it('manages accounts on the console: add with a generated password, list, set a role, disable', () => {
    const dir = tempDir();
    expect(
      publica(['world', 'generate', '--institutions', '20', '--regions', '1', '--out', 'w'], dir).code,
    ).toBe(0);
    expect(publica(['world', 'load', 'w'], dir).code).toBe(0);
    const added = publica(
      ['--lang', 'en', 'user', 'add', 'Olga.P', '--role', 'federal', '--scope', 'country'],
      dir,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/User olga\.p created: role federal, scope country/);
    expect(added.stdout).toMatch(/Password \(shown once\): \S{16}/);
    const wrong = publica(['user', 'add', 'ivan', '--role', 'region', '--scope', 'country'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/region/);
    const region = JSON.parse(publica(['status', '--json'], dir).stdout);
    expect(region.institutions).toBe(20);
    const listed = JSON.parse(publica(['user', 'list', '--json'], dir).stdout);
    expect(listed.items.map((u: { login: string }) => u.login)).toEqual(['olga.p']);
    expect(publica(['user', 'set-role', 'olga.p', 'federal_viewer'], dir).code).toBe(0);
    expect(publica(['user', 'disable', 'olga.p'], dir).code).toBe(0);
    const after = JSON.parse(publica(['user', 'list', '--json'], dir).stdout).items[0];
    expect(after).toMatchObject({ role: 'federal_viewer', disabled: true });
    const missing = publica(['user', 'disable', 'nobody'], dir);
    expect(missing.code).toBe(4);
  });

  it('fails with a one-line message when the database cannot be reached', () => {
    const result = publica(['--db', 'postgres://nobody@127.0.0.1:1/none', 'status'], tempDir());
    expect(result.code).toBe(7);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('db backup writes a consistent copy of the SQLite database, and refuses to overwrite a file', () => {
    const dir = tempDir();
    const file = writeFile(dir, 'reg.csv', csvText([schoolLine(1)]));
    expect(publica(['import', 'registry', file], dir).code).toBe(0);
    const copy = path.join(dir, 'copy.db');
    const made = publica(['db', 'backup', copy], dir, { PUBLICA_LANG: 'en' });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('Database copied to');
    const status = publica(['status', '--json'], dir, { PUBLICA_DB: copy });
    expect(JSON.parse(status.stdout)).toMatchObject({ institutions: 1 });
    const again = publica(['db', 'backup', copy], dir, { PUBLICA_LANG: 'en' });
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('exists');
  });

  it('jobs enqueue puts an audit on the embedded queue, and jobs status shows it waiting', () => {
    const dir = tempDir();
    const queued = publica(['jobs', 'enqueue', 'audit', '--region', '77'], dir);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    // One audit at a time may wait: a second is refused while the first has not started.
    expect(publica(['jobs', 'enqueue', 'audit'], dir, { PUBLICA_LANG: 'en' }).stdout).toContain(
      'already waiting',
    );
    const status = JSON.parse(publica(['jobs', 'status', '--json'], dir).stdout);
    expect(status.queue).toBe('db');
    expect(status.jobs).toContainEqual({ queue: 'audit.run', state: 'created', count: 1 });
  });
});
