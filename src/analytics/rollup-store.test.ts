import fs from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { csvText, schoolLine, writeFile } from '../../test/factories.ts';
import { runAudit } from '../audit/index.ts';
import { loadWorld } from '../collect/index.ts';
import { loadVersion } from '../methodology/index.ts';
import { bumpVersion } from '../platform/db.ts';
import { COUNTRY, type Scope } from '../platform/scope.ts';
import { importRegistryFile } from '../registry/index.ts';
import { generateWorld, worldEnd, writeWorld } from '../vk-sim/index.ts';
import { eachPage, listPages, rollup } from './analytics.service.ts';

const DAY = 86_400;

describeEachDialect('stored roll-ups', (ctx) => {
  it('answer as the direct grouping does after collection, audits and registry changes', async () => {
    const { db } = ctx;
    const dir = tempDir();
    const world = generateWorld({ institutions: 60, regions: 2, seed: 7, asOf: '2026-11-29', days: 40 });
    writeWorld(dir, world);
    await loadWorld(db, dir);
    const end = worldEnd(world.meta);
    const version = loadVersion('2023.1');
    const regions = (
      await db.kysely
        .selectFrom('institutions')
        .select('region_code')
        .distinct()
        .orderBy('region_code')
        .execute()
    ).map((r) => r.region_code);
    const [ra, rb] = regions as [string, string];
    const municipality = await db.kysely
      .selectFrom('institutions')
      .select(['municipality_id'])
      .where('region_code', '=', ra)
      .where('municipality_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const scopes: Scope[] = [
      COUNTRY,
      { level: 'region', regionCode: ra },
      { level: 'region', regionCode: rb },
      { level: 'municipality', regionCode: ra, municipalityId: Number(municipality.municipality_id) },
    ];
    const same = async (stage: string) => {
      for (const scope of scopes)
        for (const by of ['region', 'municipality'] as const)
          for (const regionCode of [undefined, ra, rb]) {
            const stored = await rollup(db, scope, by, regionCode);
            const direct = await rollup(db, scope, by, regionCode, undefined, true);
            expect(stored, `${stage}: ${JSON.stringify(scope)} by ${by} in ${regionCode}`).toEqual(direct);
          }
    };
    await same('before any audit');
    const audit = await runAudit(db, { version, period: { start: end - 30 * DAY, end }, workers: 1 });
    expect(audit.pages).toBeGreaterThan(0);
    const country = await rollup(db, COUNTRY, 'region');
    expect(country.total.audited).toBe(audit.pages);
    expect(country.total.levels).toEqual(audit.levels);
    await same('after the audit');
    const stored = await db.kysely
      .selectFrom('audit_unit_rollups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('run_id', '=', audit.runId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBeGreaterThan(3);

    // The registry changes: an institution moves to another region (a registry version bump), and an
    // import adds institutions with pages.
    const moved = await db.kysely
      .selectFrom('institutions')
      .select('id')
      .where('region_code', '=', ra)
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('institutions')
      .set({ region_code: rb, municipality_id: null })
      .where('id', '=', moved.id)
      .execute();
    await bumpVersion(db, 'registry');
    await same('after an institution moved');
    const files = tempDir();
    await importRegistryFile(
      db,
      writeFile(
        files,
        'r.csv',
        csvText([schoolLine(1, { region_code: ra }), schoolLine(2, { region_code: rb })]),
      ),
    );
    await same('after an import');
    const after = await rollup(db, COUNTRY, 'region');
    expect(after.total.institutions).toBe(country.total.institutions + 2);

    // A second audit (a region's) and a run written before roll-ups existed, filled in on its first read.
    await runAudit(db, { version, period: { start: end - 20 * DAY, end }, workers: 1, regionCode: ra });
    await same('after a regional audit');
    await db.kysely.deleteFrom('audit_unit_rollups').execute();
    await same('roll-ups filled in on read');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(files, { recursive: true, force: true });

    // Exports read the list in one ordered pass, in batches: the same rows in the same order as the list.
    for (const sort of ['-score', 'name', '-collected', 'id'] as const) {
      const list = await listPages(db, COUNTRY, { sort, page: 1, size: 10_000 });
      const streamed = [];
      for await (const batch of eachPage(db, COUNTRY, { sort }, 7)) {
        expect(batch.length).toBeLessThanOrEqual(7);
        streamed.push(...batch);
      }
      expect(streamed, sort).toEqual(list.items);
      // Keyset pages (after the previous page's cursor) are the page-numbered pages.
      const byCursor = [];
      let after: string | undefined;
      for (let page = 1; ; page++) {
        const numbered = await listPages(db, COUNTRY, { sort, page, size: 9 });
        const keyed = await listPages(db, COUNTRY, { sort, page: 1, size: 9, after });
        expect(keyed.items, `${sort} page ${page}`).toEqual(numbered.items);
        byCursor.push(...keyed.items);
        if (!keyed.next) break;
        after = keyed.next;
      }
      expect(byCursor).toEqual(list.items);
    }
    await expect(listPages(db, COUNTRY, { sort: 'id', page: 1, size: 9, after: 'nonsense' })).rejects.toThrow(
      /after:.*not a cursor/,
    );
    // A reader that stops early (a client gone) closes the pass; the database keeps serving and writing.
    for await (const batch of eachPage(db, { level: 'region', regionCode: ra }, { sort: 'name' }, 5)) {
      expect(batch.every((p) => p.institution?.regionCode === ra)).toBe(true);
      break;
    }
    await bumpVersion(db, 'registry');
    expect((await listPages(db, COUNTRY, { sort: 'id', page: 1, size: 1 })).items).toHaveLength(1);
  }, 120_000);
});
