// One owner per table (src/main/table-owners.ts): every table the migrations create is declared, every owner is
// a folder of src/, and only the owner writes its table (query chains and raw SQL alike), bar a named list of
// today's exceptions that may only shrink. docs/architecture.md lists the same owners.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from '../src/main/table-owners.ts';
import { freshSqlite } from './db.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');
const owners: Record<string, string> = TABLE_OWNERS;

/**
 * Writes to another feature's table, "file → table", each with why it is still there. None is left: a feature
 * writes another's table through the owner's index.ts (collect's posts and comments, registry's pages); an entry
 * here would be a step back.
 */
const FOREIGN_WRITES: Record<string, string> = {};

/** Writes whose table is not a literal name, per file, with which tables they reach. Only shrinks. */
const COMPUTED_WRITES: Record<string, { count: number; reaches: string }> = {
  'platform/run-shards.ts': {
    count: 3,
    reaches:
      'collection_shards, audit_shards (platform) and, via RUN_OF, collection_runs (collect), audit_runs (audit)',
  },
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const CHAIN_WRITE = /\.(?:insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*([^)]*?)\s*\)/g;
const RAW_WRITE = /\b(?:insert\s+(?:or\s+\w+\s+)?into|delete\s+from|update)\s+"?([a-z_][a-z_0-9]*)"?/gi;

type Write = { file: string; table: string | null };

function writesIn(file: string): Write[] {
  const text = fs.readFileSync(file, 'utf8');
  const rel = path.relative(SRC, file);
  const chains = [...text.matchAll(CHAIN_WRITE)].map((m) => {
    const literal = /^['"`]([a-z_0-9]+)['"`]$/.exec(m[1] ?? '');
    return { file: rel, table: literal?.[1] ?? null };
  });
  // Raw SQL: only names that are tables count (prose such as "update the draft" does not).
  const raw = [...text.matchAll(RAW_WRITE)]
    .map((m) => m[1]?.toLowerCase() ?? '')
    .filter((name) => name in owners)
    .map((table) => ({ file: rel, table }));
  return [...chains, ...raw];
}

const featureOf = (rel: string) => rel.split(path.sep)[0] ?? '';

describe('table ownership', () => {
  const writes = sourceFiles(SRC).flatMap(writesIn);

  it('declares an owner for every table the migrations create, and no table they do not', async () => {
    const fresh = await freshSqlite();
    try {
      const { rows } = await sql<{ name: string }>`
        select name from sqlite_master
        where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
      `.execute(fresh.db.kysely);
      const created = rows.map((r) => r.name).sort();
      expect(created.filter((t) => !(t in owners))).toEqual([]);
      expect(Object.keys(owners).filter((t) => !created.includes(t))).toEqual([]);
    } finally {
      await fresh.dispose();
    }
  });

  it('names folders of src/ as owners', () => {
    const folders = new Set(fs.readdirSync(SRC));
    expect([...new Set(Object.values(owners))].filter((o) => !folders.has(o))).toEqual([]);
  });

  it('finds the writes it checks', () => {
    expect(writes.length).toBeGreaterThan(100);
    expect(writes.some((w) => w.file === 'platform/jobs/jobs.repo.ts' && w.table === 'jobs')).toBe(true);
  });

  it('writes a table only from its owner, bar the named exceptions (which only shrink)', () => {
    const foreign = new Set(
      writes
        .filter((w) => w.table !== null && owners[w.table] !== featureOf(w.file))
        .map((w) => `${w.file} → ${w.table}`),
    );
    const unknown = writes.filter((w) => w.table !== null && !(w.table in owners));
    expect(unknown.map((w) => `${w.file} → ${w.table}: no such table`)).toEqual([]);
    expect(
      [...foreign]
        .filter((key) => !(key in FOREIGN_WRITES))
        .map((key) => `${key} (owned by ${owners[key.split(' → ')[1] ?? '']})`),
    ).toEqual([]);
    expect(Object.keys(FOREIGN_WRITES).filter((key) => !foreign.has(key))).toEqual([]);
  });

  it('writes to a computed table name only where listed', () => {
    const counts: Record<string, number> = {};
    for (const w of writes) if (w.table === null) counts[w.file] = (counts[w.file] ?? 0) + 1;
    const over = Object.entries(counts)
      .filter(([file, n]) => n > (COMPUTED_WRITES[file]?.count ?? 0))
      .map(
        ([file, n]) =>
          `${file}: ${n} writes to a computed table, allowed ${COMPUTED_WRITES[file]?.count ?? 0}`,
      );
    expect(over).toEqual([]);
    expect(Object.keys(COMPUTED_WRITES).filter((file) => !counts[file])).toEqual([]);
  });

  it('docs/architecture.md lists every table with its declared owner', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    const listed: Record<string, string> = {};
    for (const m of doc.matchAll(/^\|\s*`([a-z_0-9]+)`\s*\|\s*([a-z-]+)\s*\|/gm))
      listed[m[1] ?? ''] = m[2] ?? '';
    expect(listed).toEqual(owners);
  });
});
