// `publica db migrate` run by several processes at once against one empty database (as a deployment starts N
// web and M worker processes together): every one succeeds, and the migrations are applied exactly once.
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';
import { withDatabase } from '../pg-env.ts';
import { startPublica } from './processes.ts';

const pgUrl = inject('pgUrl');

describe.skipIf(!pgUrl)('db migrate from several processes at once', () => {
  const name = `publica_migrate_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl ?? '' });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('applies each migration once while 4 processes race', async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = withDatabase(pgUrl as string, name);
    const procs = Array.from({ length: 4 }, () => startPublica(['db', 'migrate'], { PUBLICA_DB: url }));
    const codes = await Promise.all(procs.map((p) => p.exited));
    expect(codes, procs.map((p) => p.output()).join('\n')).toEqual([0, 0, 0, 0]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('select name from kysely_migration order by name');
    await client.end();
    expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    // Exactly one process reports having applied them.
    const applied = procs.map((p) => /: (\d+) migrations applied/.exec(p.output())?.[1]);
    expect(applied.filter((n) => n === String(Object.keys(migrations).length))).toHaveLength(1);
  }, 120_000);
});
