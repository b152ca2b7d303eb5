// The registry importer against hostile files (fast-check): random bytes, and CSV grids with random cells —
// formulas, quotes, line breaks, control characters, 20,000-character fields, numbers where text goes — in
// UTF-8 and in CP1251. Every file is either imported or refused with a clear error that names the file (and,
// for a bad row, the row and field); a refused file changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { encodeCp1251 } from '../../test/factories.ts';
import { AppError } from '../platform/errors.ts';
import { REGISTRY_FIELDS } from './registry-file.reader.ts';
import { importRegistryFile } from './registry-import.service.ts';

const cell = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '',
    '=HYPERLINK("http://evil")',
    '+7 999',
    '@SUM(1)',
    '"quoted; text"',
    'line\nbreak',
    '\u0000\u001b',
  ),
  fc.constantFrom('7736050003', '1027700132195', '77', 'school', 'kindergarten', 'https://vk.com/club1'),
  fc.integer().map(String),
  fc.constant('ш'.repeat(20_000)),
);
const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;

describeEachDialect('registry import on hostile files', (ctx) => {
  const dir = tempDir('publica-fuzz-');
  let n = 0;
  const counts = async () =>
    Promise.all(
      (['institutions', 'pages', 'municipalities'] as const).map(async (t) =>
        Number(
          (
            await ctx.db.kysely
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    );

  /** Imports the bytes; true when imported, or refused clearly with nothing written. */
  async function importOrRefuse(bytes: Uint8Array): Promise<boolean> {
    const file = path.join(dir, `f${++n}.csv`);
    fs.writeFileSync(file, bytes);
    const before = await counts();
    try {
      await importRegistryFile(ctx.db, file);
      return true;
    } catch (error) {
      if (!(error instanceof AppError) || !error.message.startsWith(`f${n}.csv`)) throw error;
      const problems = (error.details as { problems?: { row: number; field: string }[] } | undefined)
        ?.problems;
      for (const p of problems ?? []) {
        expect(p.row).toBeGreaterThanOrEqual(1);
        expect(REGISTRY_FIELDS as readonly string[]).toContain(p.field);
      }
      expect(await counts()).toEqual(before);
      return true;
    }
  }

  it('imports or refuses random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), importOrRefuse), {
      numRuns: 60,
      seed: 1129,
    });
  });

  it('imports or refuses CSV grids of hostile cells, in UTF-8 and CP1251', async () => {
    const grid = fc.record({
      columns: fc.shuffledSubarray([...REGISTRY_FIELDS], { minLength: 1 }),
      rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 10 }), { maxLength: 8 }),
      delimiter: fc.constantFrom(',', ';'),
      cp1251: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(grid, async ({ columns, rows, delimiter, cp1251 }) => {
        const text = [columns, ...rows].map((r) => r.map(quote).join(delimiter)).join('\r\n');
        return importOrRefuse(cp1251 ? encodeCp1251(text, 0x3f) : Buffer.from(text));
      }),
      { numRuns: 60, seed: 2911 },
    );
  });
});
