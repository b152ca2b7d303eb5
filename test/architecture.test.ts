// The layout's rules, checked on every import: platform depends on no feature; a feature reaches a
// sibling only through the sibling's index.ts; rules and scoring stay free of I/O (checked once they exist).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].flatMap((m) =>
    m[1]?.startsWith('.') ? [m[1]] : [],
  );
}

const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0] ?? '';

describe('architecture', () => {
  const files = sourceFiles(SRC);
  const edges = files.flatMap((file) =>
    importsOf(file).map((spec) => ({ file, target: path.resolve(path.dirname(file), spec) })),
  );

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('keeps platform free of feature imports', () => {
    const bad = edges.filter(
      (e) => folderOf(e.file) === 'platform' && e.target.startsWith(SRC) && folderOf(e.target) !== 'platform',
    );
    expect(bad.map((e) => `${path.relative(SRC, e.file)} → ${path.relative(SRC, e.target)}`)).toEqual([]);
  });

  it('lets a feature use a sibling only through its index.ts', () => {
    const bad = edges.filter((e) => {
      if (!e.target.startsWith(SRC)) return false;
      const from = folderOf(e.file);
      const to = folderOf(e.target);
      if (from === to || to === 'platform') return false;
      return path.relative(path.join(SRC, to), e.target) !== 'index.ts';
    });
    expect(bad.map((e) => `${path.relative(SRC, e.file)} → ${path.relative(SRC, e.target)}`)).toEqual([]);
  });

  it('keeps SQL in repositories: only *.repo.ts, platform and migrations touch Kysely', () => {
    const bad = files.filter((file) => {
      if (file.endsWith('.repo.ts') || folderOf(file) === 'platform' || file.endsWith('.test.ts'))
        return false;
      return (
        /from ['"]kysely['"]/.test(fs.readFileSync(file, 'utf8')) &&
        !/import type/.test(fs.readFileSync(file, 'utf8'))
      );
    });
    expect(bad.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('keeps history frozen: a migration imports nothing from src/ (seed data is copied in)', () => {
    const MIGRATIONS = path.resolve(import.meta.dirname, '../migrations');
    const bad = sourceFiles(MIGRATIONS)
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap((file) =>
        importsOf(file)
          .map((spec) => path.resolve(path.dirname(file), spec))
          .filter((target) => target.startsWith(SRC))
          .map((target) => `${path.relative(MIGRATIONS, file)} → ${path.relative(SRC, target)}`),
      );
    expect(bad).toEqual([]);
  });

  it('keeps web features apart: a screen imports app-wide parts (components, lib), never another feature', () => {
    const WEB = path.resolve(import.meta.dirname, '../web/src');
    const webFiles = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return webFiles(full);
        return /\.tsx?$/.test(entry.name) ? [full] : [];
      });
    const featureOf = (file: string) => /features\/([^/]+)\//.exec(path.relative(WEB, file))?.[1];
    const bad = webFiles(WEB).flatMap((file) =>
      importsOf(file)
        .map((spec) => path.resolve(path.dirname(file), spec))
        .filter((target) => featureOf(target) && featureOf(file) && featureOf(target) !== featureOf(file))
        .map((target) => `${path.relative(WEB, file)} → ${path.relative(WEB, target)}`),
    );
    expect(bad).toEqual([]);
  });

  it('needs nothing but npm: no code or test calls a system chromium, PostgreSQL or poppler tool', () => {
    const ROOT = path.resolve(import.meta.dirname, '..');
    const trees = ['src', 'test', 'e2e', 'bench', 'scripts'].map((d) => path.join(ROOT, d));
    const all = trees.flatMap((dir) => (fs.existsSync(dir) ? sourceFiles(dir) : []));
    const self = path.join(ROOT, 'test/architecture.test.ts');
    const bad = all
      .filter((file) => file !== self)
      .filter((file) =>
        /\/usr\/bin\/chromium|['"](?:pdftotext|pdfinfo|pdftoppm|pg_ctl|initdb)['"]/.test(
          fs.readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => path.relative(ROOT, file));
    expect(bad).toEqual([]);
  });
});
