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

/** Relative imports of a file: static (`import … from`, `export … from`, bare `import '…'`) and dynamic (`import('…')`). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return specs.flatMap((m) => (m[1]?.startsWith('.') ? [m[1]] : []));
}

/**
 * Folders of src/ that are not features: the floor, the composition root, the command line, the simulators and
 * the demo's seeding.
 */
const NOT_FEATURES = new Set(['platform', 'main', 'cli', 'vk-sim', 'net-sim', 'demo']);

/** Features that import simulators ("file → target"), with why; only shrinks (the issue's src/demo takes them). */
const SIMULATOR_IMPORTS: Record<string, string> = {
  'collect/world-load.service.ts → vk-sim/index.ts':
    'the demo world is loaded by collect (reads the world files)',
  'collect/world-rows.ts → vk-sim/index.ts': 'world loading reads the simulator’s world types',
};

/** Features that depend on each other in a cycle (sorted), with why. None is left; an entry would be a step back. */
const FEATURE_CYCLES: Record<string, string> = {};

/**
 * What the web app imports from the server, "web file → src file", beyond the contracts (src/main/api.contract.ts,
 * src/platform/http/contract.ts, any *.contract.ts) and the shared vocabulary (src/platform/vocabulary.ts).
 * Type-only. None is left: every screen takes its types from the contracts; an entry here would be a step back.
 */
const WEB_SERVER_IMPORTS: Record<string, string> = {};

/**
 * Files outside repositories that still touch SQL, with how many times: query chains (selectFrom, insertInto,
 * updateTable, deleteFrom), `.kysely`, sql fragments, and value imports from 'kysely' (`import type` is fine).
 * The platform's database layer is listed too. Entries may only go down or away; nothing may be added.
 */
const SQL_OUTSIDE_REPOSITORIES: Record<string, number> = {
  'alerts/alerts.ts': 8,
  'alerts/deliveries.ts': 10,
  'audit/page-facts.service.ts': 2,
  'inbox/reply-check.service.ts': 2,
  'inbox/saved-replies.ts': 10,
  'planner/contributors.service.ts': 6,
  'planner/plan.service.ts': 4,
  'planner/publish.service.ts': 4,
  'planner/syndication.service.ts': 12,
  'platform/audit-log.ts': 2,
  'platform/db.ts': 11,
  'platform/jobs/pg-boss-queue.ts': 6,
  'platform/migrate.ts': 2,
  'platform/run-shards.ts': 20,
  'platform/scope.ts': 17,
  'training/seminar-access.ts': 2,
  'vk/token-store.ts': 2,
};

const SQL_TOUCH =
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\.kysely\b|\bsql(?:<[^>]*>)?`|\bsql\.(?:raw|ref|lit|join|id|table|val)\(|^import\s+(?!type\b)[^;]*from\s+'kysely'/gm;
const sqlTouches = (text: string) => text.match(SQL_TOUCH)?.length ?? 0;

/** Pages joined to institutions by hand (the scope join) where selectPagesInScope is not used yet; only shrinks. */
const SCOPE_JOINS_BY_HAND: Record<string, number> = {
  'alerts/alerts.ts': 2,
  'analytics/analytics.repo.ts': 1,
  'inbox/inbox.repo.ts': 4,
  'inbox/messages.repo.ts': 1,
  'inbox/reply-check.service.ts': 1,
  'inbox/saved-replies.ts': 1,
  'planner/plan.service.ts': 1,
  'planner/planner.repo.ts': 4,
  'planner/syndication.service.ts': 1,
  'registry/page.repo.ts': 1,
};

function webSourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return webSourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
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

  it('keeps SQL in repositories: query chains, sql fragments and Kysely values only in *.repo.ts, bar the allow-list', () => {
    const found = Object.fromEntries(
      files
        .filter((file) => !file.endsWith('.repo.ts') && !file.endsWith('.test.ts'))
        .map((file) => [path.relative(SRC, file), sqlTouches(fs.readFileSync(file, 'utf8'))] as const)
        .filter(([, n]) => n > 0),
    );
    const over = Object.entries(found)
      .filter(([file, n]) => n > (SQL_OUTSIDE_REPOSITORIES[file] ?? 0))
      .map(([file, n]) => `${file}: ${n} SQL touches, allowed ${SQL_OUTSIDE_REPOSITORIES[file] ?? 0}`);
    expect(over).toEqual([]);
    // The list only shrinks: a file that no longer needs its entry loses it.
    const stale = Object.keys(SQL_OUTSIDE_REPOSITORIES).filter((file) => !found[file]);
    expect(stale).toEqual([]);
  });

  it('writes the pages→institutions scope join once (selectPagesInScope), bar the allow-list', () => {
    const join = /['"]institutions\.id['"],\s*['"]pages\.institution_id['"]/g;
    const found = Object.fromEntries(
      files
        .filter((file) => !file.endsWith('.test.ts') && !file.endsWith('registry/page-scope.repo.ts'))
        .map(
          (file) =>
            [path.relative(SRC, file), fs.readFileSync(file, 'utf8').match(join)?.length ?? 0] as const,
        )
        .filter(([, n]) => n > 0),
    );
    const over = Object.entries(found)
      .filter(([file, n]) => n > (SCOPE_JOINS_BY_HAND[file] ?? 0))
      .map(([file, n]) => `${file}: ${n} hand-written joins, allowed ${SCOPE_JOINS_BY_HAND[file] ?? 0}`);
    expect(over).toEqual([]);
    expect(Object.keys(SCOPE_JOINS_BY_HAND).filter((file) => !found[file])).toEqual([]);
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

  it('lets only the migration runner (platform/migrate.ts) import the migrations', () => {
    const MIGRATIONS = path.resolve(import.meta.dirname, '../migrations');
    const bad = edges
      .filter((e) => e.target.startsWith(MIGRATIONS + path.sep) && !e.file.endsWith('.test.ts'))
      .map((e) => path.relative(SRC, e.file))
      .filter((file) => file !== path.join('platform', 'migrate.ts'));
    expect(bad).toEqual([]);
  });

  it('keeps web features apart: a screen imports app-wide parts (components, lib), never another feature', () => {
    const WEB = path.resolve(import.meta.dirname, '../web/src');
    const featureOf = (file: string) => /features\/([^/]+)\//.exec(path.relative(WEB, file))?.[1];
    const bad = webSourceFiles(WEB).flatMap((file) =>
      importsOf(file)
        .map((spec) => path.resolve(path.dirname(file), spec))
        .filter((target) => featureOf(target) && featureOf(file) && featureOf(target) !== featureOf(file))
        .map((target) => `${path.relative(WEB, file)} → ${path.relative(WEB, target)}`),
    );
    expect(bad).toEqual([]);
  });

  it('keeps the composition root and the command line at the top: only src/main imports them, and only they the demo', () => {
    const bad = edges.filter((e) => {
      if (!e.target.startsWith(SRC)) return false;
      const to = folderOf(e.target);
      const from = folderOf(e.file);
      if (from === to) return false;
      if (to === 'demo') return from !== 'main' && from !== 'cli';
      return from !== 'main' && (to === 'main' || to === 'cli');
    });
    expect(bad.map((e) => `${path.relative(SRC, e.file)} → ${path.relative(SRC, e.target)}`)).toEqual([]);
  });

  it('keeps the simulators out of the features, bar the listed imports (which only shrink)', () => {
    const found = new Set(
      edges
        .filter((e) => e.target.startsWith(SRC) && !NOT_FEATURES.has(folderOf(e.file)))
        .filter((e) => !e.file.endsWith('.test.ts'))
        .filter((e) => folderOf(e.target) === 'vk-sim' || folderOf(e.target) === 'net-sim')
        .map((e) => `${path.relative(SRC, e.file)} → ${path.relative(SRC, e.target)}`),
    );
    expect([...found].filter((key) => !(key in SIMULATOR_IMPORTS))).toEqual([]);
    expect(Object.keys(SIMULATOR_IMPORTS).filter((key) => !found.has(key))).toEqual([]);
  });

  it('has no cycles between features, bar the listed ones (which only shrink)', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      if (!e.target.startsWith(SRC) || e.file.endsWith('.test.ts')) continue;
      const from = folderOf(e.file);
      const to = folderOf(e.target);
      if (from === to || NOT_FEATURES.has(from) || NOT_FEATURES.has(to)) continue;
      graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
    const reaches = (from: string, to: string) => {
      const seen = new Set<string>();
      const stack = [from];
      while (stack.length > 0) {
        const at = stack.pop() as string;
        for (const next of graph.get(at) ?? []) {
          if (next === to) return true;
          if (seen.has(next)) continue;
          seen.add(next);
          stack.push(next);
        }
      }
      return false;
    };
    const features = [...graph.keys()];
    const cycles = new Set(
      features
        .map((a) => features.filter((b) => (a === b ? reaches(a, a) : reaches(a, b) && reaches(b, a))).sort())
        .filter((group) => group.length > 0)
        .map((group) => group.join(', ')),
    );
    expect([...cycles].filter((key) => !(key in FEATURE_CYCLES))).toEqual([]);
    expect(Object.keys(FEATURE_CYCLES).filter((key) => !cycles.has(key))).toEqual([]);
  });

  it('lets the web app take from the server only contracts and vocabulary, type-only, bar the listed imports', () => {
    const WEB = path.resolve(import.meta.dirname, '../web/src');
    const shared = (target: string) =>
      /(?:^|[./])contract\.ts$/.test(target) || target === 'platform/vocabulary.ts';
    const found = new Set<string>();
    const valueImports: string[] = [];
    for (const file of webSourceFiles(WEB)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/g,
      )) {
        const target = path.resolve(path.dirname(file), m[3] ?? '');
        if (!target.startsWith(SRC)) continue;
        const key = `${path.relative(WEB, file)} → ${path.relative(SRC, target)}`;
        if (!shared(path.relative(SRC, target))) found.add(key);
        if (!m[2] && path.relative(SRC, target) !== 'platform/vocabulary.ts') valueImports.push(key);
      }
    }
    expect(valueImports).toEqual([]);
    expect([...found].filter((key) => !(key in WEB_SERVER_IMPORTS))).toEqual([]);
    expect(Object.keys(WEB_SERVER_IMPORTS).filter((key) => !found.has(key))).toEqual([]);
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
