// The deployment guide documents every environment variable the code reads, and the compose file starts the
// roles the code knows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configTable } from '../src/platform/config.ts';
import { METHOD_TABLE } from '../src/vk/methods/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('deployment docs', () => {
  it('docs/deploy.md has a row for every configuration variable', () => {
    const doc = read('docs/deploy.md');
    const rows = new Set([...doc.matchAll(/^\|\s*`(PUBLICA_[A-Z_]+)`\s*\|/gm)].map((m) => m[1]));
    const missing = configTable.map(([name]) => name).filter((name) => !rows.has(name));
    expect(missing).toEqual([]);
  });

  it('every variable the environment schema accepts is in the table', () => {
    const source = read('src/platform/config.ts');
    const declared = [...source.matchAll(/^\s{2}(PUBLICA_[A-Z_]+): z\./gm)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(25);
    const documented = new Set(configTable.map(([name]) => name as string));
    expect(declared.filter((name) => !documented.has(name as string))).toEqual([]);
  });

  it('the compose file runs migrate, web, worker and scheduler with known roles', () => {
    const compose = parse(read('deploy/compose.yaml')) as {
      services: Record<string, { command?: string[] }>;
    };
    const roles = Object.values(compose.services)
      .map((s) => s.command)
      .filter((c): c is string[] => Array.isArray(c) && c[0] === 'serve')
      .map((c) => c[c.indexOf('--role') + 1]);
    expect(roles.sort()).toEqual(['scheduler', 'web', 'worker']);
    expect(compose.services.migrate?.command).toEqual(['db', 'migrate']);
  });

  it('docs/vk.md has a row for every VK method Publica calls, with the token kinds the table allows', () => {
    const doc = read('docs/vk.md');
    const rows = new Map(
      [...doc.matchAll(/^\|\s*`([a-zA-Z.]+)`\s*\|\s*([a-z, ]+?)\s*\|/gm)].map((m) => [m[1], m[2]]),
    );
    const wrong = [...METHOD_TABLE.values()]
      .filter((m) => rows.get(m.name) !== m.tokenKinds.join(', '))
      .map((m) => m.name);
    expect(wrong).toEqual([]);
  });

  it("docs/vk.md's list of what is not done yet names none of what is done", () => {
    const doc = read('docs/vk.md');
    const notDone = doc.slice(doc.indexOf('## Not yet done'));
    expect(doc).toContain('## `publica vk check`');
    expect(notDone).not.toMatch(/214|visitors' posts|vanished comments|`publica vk check` does not exist/);
  });
});
