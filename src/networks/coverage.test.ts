// The registry's ok_url and max_url become pages on their networks, and coverage counts institutions on VK,
// on OK and on MAX and those meeting the legal duty (VK and OK), on both dialects.
import { beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { csvText, schoolLine, writeFile } from '../../test/factories.ts';
import { AppError } from '../platform/errors.ts';
import { type ImportReport, importRegistryFile } from '../registry/index.ts';
import { networkCoverage } from './coverage.service.ts';

const COUNTRY = { level: 'country' } as const;

describeEachDialect('coverage per network', (ctx) => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });

  const lines = [
    schoolLine(1, { ok_url: 'https://ok.ru/group/70000000000010', max_url: 'https://max.ru/school1' }),
    schoolLine(2, { ok_url: 'ok.ru/mbou_sosh2' }),
    schoolLine(3, { ok_url: 'http://www.odnoklassniki.ru/group70000000000030' }),
    schoolLine(4, { vk_url: '', max_url: 'max.ru/school4' }),
    schoolLine(5, { vk_url: '' }),
  ];

  it('imports every written form of an OK address and a MAX link as pages on their networks', async () => {
    const report = await importRegistryFile(ctx.db, writeFile(dir, 'r.csv', csvText(lines)));
    expect(report.problems).toEqual([]);
    const pages = await ctx.db.kysely
      .selectFrom('pages')
      .select(['platform', 'url', 'external_id', 'screen_name'])
      .where('platform', 'in', ['ok', 'max'])
      .orderBy('url')
      .execute();
    expect(pages).toEqual([
      { platform: 'max', url: 'https://max.ru/school1', external_id: null, screen_name: 'school1' },
      { platform: 'max', url: 'https://max.ru/school4', external_id: null, screen_name: 'school4' },
      {
        platform: 'ok',
        url: 'https://ok.ru/group/70000000000010',
        external_id: 70000000000010,
        screen_name: null,
      },
      {
        platform: 'ok',
        url: 'https://ok.ru/group/70000000000030',
        external_id: 70000000000030,
        screen_name: null,
      },
      { platform: 'ok', url: 'https://ok.ru/mbou_sosh2', external_id: null, screen_name: 'mbou_sosh2' },
    ]);
    // Importing the same file again changes nothing.
    await importRegistryFile(ctx.db, writeFile(dir, 'r2.csv', csvText(lines)));
    const again = await ctx.db.kysely
      .selectFrom('pages')
      .select('id')
      .where('platform', 'in', ['ok', 'max'])
      .execute();
    expect(again).toHaveLength(5);
  });

  it('counts institutions on each network and those meeting the legal duty; a deleted page is absence', async () => {
    await importRegistryFile(ctx.db, writeFile(dir, 'r.csv', csvText(lines)));
    const { figures, institutions } = await networkCoverage(ctx.db, COUNTRY);
    expect(figures).toMatchObject({
      institutions: 5,
      on: { vk: 3, ok: 3, max: 2 },
      meetsLegalDuty: 3,
      meetsLegalDutyShare: 0.6,
      required: ['vk', 'ok'],
    });
    expect(institutions[0]?.facts.ok).toEqual({ network: 'ok', present: true, source: 'registry', pages: 1 });
    await ctx.db.kysely
      .updateTable('pages')
      .set({ status: 'deleted' })
      .where('url', '=', 'https://ok.ru/mbou_sosh2')
      .execute();
    const after = await networkCoverage(ctx.db, COUNTRY, '77');
    expect(after.figures).toMatchObject({ on: { ok: 2 }, meetsLegalDuty: 2 });
    expect(after.institutions[1]?.facts.ok).toEqual({
      network: 'ok',
      present: false,
      source: 'collected',
      pages: 1,
    });
  });

  it('rejects a row whose OK address is not OK’s, naming the column, and writes nothing for it', async () => {
    const bad = [
      schoolLine(7, { ok_url: 'https://vk.com/club5' }),
      schoolLine(8, { ok_url: 'https://ok.ru/profile/51234567' }),
    ];
    const error = await importRegistryFile(ctx.db, writeFile(dir, 'bad.csv', csvText(bad))).catch(
      (e: AppError) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const report = (error as AppError).details as ImportReport;
    expect(report.problems.map((p) => [p.field, p.key])).toEqual([
      ['ok_url', 'ok_not_ok'],
      ['ok_url', 'ok_user_page'],
    ]);
    const pages = await ctx.db.kysely.selectFrom('pages').select('id').execute();
    expect(pages).toEqual([]);
  });
});
