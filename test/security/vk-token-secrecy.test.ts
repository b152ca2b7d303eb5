// A VK token stored with `publica vk-token add` is used by `publica collect`, and is found nowhere else: not
// in the database file, its WAL or a backup, not in the token list, not in any line the collection logs at
// debug level while VK fails around it, and not without the key.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecretKeyText } from '../../src/platform/secret-box.ts';
import {
  buildVkSim,
  generateWorld,
  readWorld,
  type VkSim,
  WORLD_FILES,
  writeWorld,
} from '../../src/vk-sim/index.ts';
import { tempDir } from '../db.ts';
import { runPublica, startPublica } from '../scale/processes.ts';

const TOKEN = 'vk1.a.SECRET-reader-7f3c9a';
const KEY = newSecretKeyText();

/** Runs a command with `input` on its standard input; its exit code and everything it printed. */
async function publica(args: string[], env: Record<string, string>, input = '') {
  const proc = startPublica(args, env, input);
  const code = await proc.exited;
  return { code, output: proc.output() };
}

describe('a stored VK token stays secret', () => {
  const dir = tempDir('publica-secret-');
  const file = path.join(dir, 'publica.db');
  const env = { PUBLICA_DB: file, PUBLICA_SECRET_KEY: KEY, PUBLICA_LOG_LEVEL: 'debug' };
  let sim: VkSim;
  let vkUrl: string;

  beforeAll(async () => {
    const world = generateWorld({ institutions: 60, regions: 1, seed: 3, asOf: '2026-11-29', days: 30 });
    writeWorld(path.join(dir, 'world'), world);
    sim = await buildVkSim({
      world: readWorld(path.join(dir, 'world')),
      tokens: [{ token: TOKEN, kind: 'user', perSecond: 100 }],
      // Failing requests make the collector log retries: none of those lines may carry the token.
      faults: { http5xx: 0.1, truncated: 0.1, errors: { '6': 0.1, '10': 0.1 }, seed: 9 },
    });
    vkUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
    await runPublica(['import', 'registry', path.join(dir, 'world', WORLD_FILES.registry)], env);
  }, 120_000);
  afterAll(async () => {
    await sim?.app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is refused on the command line without a key, and stored from standard input with one', async () => {
    const noKey = await publica(['vk-token', 'add', 'reader', '--kind', 'user'], { PUBLICA_DB: file }, TOKEN);
    expect(noKey.code).not.toBe(0);
    expect(noKey.output).toMatch(/set PUBLICA_SECRET_KEY/);
    const added = await publica(
      ['vk-token', 'add', 'reader', '--kind', 'user', '--per-second', '50'],
      env,
      TOKEN,
    );
    expect(added.output).toMatch(/VK token "reader" \(user\) stored sealed/);
    expect(added.code).toBe(0);
  });

  it('collects with it while it appears in no output, file, WAL, backup or list', async () => {
    const collected = await publica(['collect', '--vk', vkUrl, '--json'], env);
    expect(collected.code, collected.output).toBe(0);
    const report = JSON.parse(collected.output.trim().split('\n').at(-1) ?? '{}') as {
      posts: number;
      errors: Record<string, number>;
    };
    expect(report.posts).toBeGreaterThan(0);
    expect(Object.keys(report.errors).length).toBeGreaterThan(0);
    expect(collected.output).not.toContain(TOKEN);

    const listed = await publica(['vk-token', 'list', '--json'], env);
    expect(JSON.parse(listed.output)).toMatchObject([{ label: 'reader', kind: 'user' }]);
    expect(listed.output).not.toContain(TOKEN);

    const backup = path.join(dir, 'backup.db');
    await runPublica(['db', 'backup', backup], env);
    for (const f of [file, `${file}-wal`, backup].filter((f) => fs.existsSync(f)))
      expect(fs.readFileSync(f).includes(Buffer.from(TOKEN)), f).toBe(false);
  }, 120_000);

  it('is of no use without the key: a collection with another key fails naming the key it needs', async () => {
    const wrong = await publica(['collect', '--vk', vkUrl], {
      ...env,
      PUBLICA_SECRET_KEY: newSecretKeyText(),
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toMatch(/sealed with key [0-9a-f]{8}/);
    expect(wrong.output).not.toContain(TOKEN);
  });
});
