// An id list longer than either dialect's parameter limit (SQLite 32,766; PostgreSQL 65,535) is read in pieces:
// every row once, none lost, on both dialects. A country's overdue questions make such lists.
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.ts';
import { selectInPieces } from './select-in-pieces.ts';

describeEachDialect('reading by a long id list', (ctx) => {
  it('answers 70,000 ids with the rows that exist, each once', async () => {
    const all = await ctx.db.kysely.selectFrom('regions').select('code').execute();
    const codes = all.map((r) => r.code);
    // The real codes spread through 70,000 that match nothing, one of them twice (at the
    // start and the end: two pieces apart).
    const ids = Array.from({ length: 70_000 }, (_, i) => `x${i}`);
    for (const [i, code] of codes.entries()) ids.splice(i * 700, 0, code);
    ids.push(codes[0] as string);
    const rows = await selectInPieces(ids, (piece) =>
      ctx.db.kysely.selectFrom('regions').select('code').where('code', 'in', piece).execute(),
    );
    expect(rows.map((r) => r.code).sort()).toEqual([...codes].sort());
  });
});
