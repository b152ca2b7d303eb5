import ExcelJS from 'exceljs';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import {
  csvText,
  encodeCp1251,
  innFor,
  ogrnFor,
  type RegistryLine,
  schoolLine,
  writeFile,
} from '../../test/factories.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { type ImportReport, importRegistryFile } from './registry-import.service.ts';

async function snapshot(db: Db) {
  const institutions = await db.kysely.selectFrom('institutions').selectAll().orderBy('id').execute();
  const pages = await db.kysely.selectFrom('pages').selectAll().orderBy('id').execute();
  const municipalities = await db.kysely.selectFrom('municipalities').selectAll().orderBy('id').execute();
  return { institutions, pages, municipalities };
}

async function rejected(promise: Promise<unknown>): Promise<ImportReport> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).details as ImportReport;
}

describeEachDialect('registry import', (ctx) => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  const file = (lines: RegistryLine[], name = 'registry.csv', delimiter = ',') =>
    writeFile(dir, name, csvText(lines, delimiter));

  it('imports a good CSV: institutions, municipalities and VK pages', async () => {
    const report = await importRegistryFile(ctx.db, file([schoolLine(1), schoolLine(2), schoolLine(3)]));
    expect(report).toMatchObject({ rows: 3, created: 3, updated: 0, pages: 3, problems: [] });
    const { institutions, pages, municipalities } = await snapshot(ctx.db);
    expect(institutions.map((i) => i.short_name)).toEqual(['МБОУ СОШ № 1', 'МБОУ СОШ № 2', 'МБОУ СОШ № 3']);
    expect(institutions[0]).toMatchObject({ inn: innFor(1), kind: 'school', website: 'https://school1.ru' });
    expect(municipalities).toHaveLength(1);
    expect(pages.map((p) => [p.external_id, p.url, p.institution_id])).toEqual([
      [1001, 'https://vk.com/club1001', institutions[0]?.id],
      [1002, 'https://vk.com/club1002', institutions[1]?.id],
      [1003, 'https://vk.com/club1003', institutions[2]?.id],
    ]);
  });

  it('is idempotent: the same file twice leaves the same rows', async () => {
    const path = file([schoolLine(1), schoolLine(2, { vk_url: '@school2' })]);
    await importRegistryFile(ctx.db, path);
    const first = await snapshot(ctx.db);
    const again = await importRegistryFile(ctx.db, path);
    expect(again).toMatchObject({ created: 0, updated: 2, pages: 2 });
    const second = await snapshot(ctx.db);
    const strip = (rows: { updated_at: number }[]) => rows.map(({ updated_at: _, ...rest }) => rest);
    expect(strip(second.institutions)).toEqual(strip(first.institutions));
    expect(strip(second.pages)).toEqual(strip(first.pages));
    expect(second.municipalities).toEqual(first.municipalities);
  });

  it('updates by INN, else by OGRN, and never erases a known INN', async () => {
    await importRegistryFile(ctx.db, file([schoolLine(1), schoolLine(2)]));
    const renamed = schoolLine(1, { short_name: 'МБОУ Лицей № 1', vk_url: 'https://vk.ru/licey1' });
    const byOgrn = schoolLine(2, { inn: '', short_name: 'МБОУ СОШ № 2 им. Пушкина' });
    const report = await importRegistryFile(ctx.db, file([renamed, byOgrn], 'update.csv'));
    expect(report).toMatchObject({ created: 0, updated: 2 });
    const { institutions, pages } = await snapshot(ctx.db);
    expect(institutions).toHaveLength(2);
    expect(institutions[0]?.short_name).toBe('МБОУ Лицей № 1');
    expect(institutions[1]).toMatchObject({ short_name: 'МБОУ СОШ № 2 им. Пушкина', inn: innFor(2) });
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatchObject({
      screen_name: 'licey1',
      external_id: null,
      url: 'https://vk.com/licey1',
    });
  });

  it.each([
    ['region_code', { region_code: '99' }, 'unknown_region'],
    ['inn', { inn: '7707083894' }, 'inn_checksum'],
    ['inn', { inn: '12345' }, 'inn_format'],
    ['ogrn', { ogrn: '1027700132196' }, 'ogrn_checksum'],
    ['full_name', { full_name: '  ' }, 'required'],
    ['kind', { kind: 'university' }, 'unknown_kind'],
    ['vk_url', { vk_url: 'https://vk.com/id42' }, 'vk_user_page'],
    ['vk_url', { vk_url: 'https://ok.ru/school' }, 'vk_not_vk'],
    ['website', { website: 'not a site' }, 'bad_website'],
    ['inn', { inn: '', ogrn: '' }, 'inn_or_ogrn'],
    ['full_name', { full_name: 'Ш'.repeat(1001) }, 'too_long'],
    ['full_name', { full_name: 'Школа\u0000 № 2' }, 'control_characters'],
    ['short_name', { short_name: 'СОШ \u202Eexe.gpj' }, 'control_characters'],
    ['municipality', { municipality: 'г. Москва\u2066' }, 'control_characters'],
    ['address', { address: 'ул. Ленина\u0085, 1' }, 'control_characters'],
  ])('rejects a bad %s (%o) naming row and field, and writes nothing', async (field, change, key) => {
    await importRegistryFile(ctx.db, file([schoolLine(7)], 'before.csv'));
    const before = await snapshot(ctx.db);
    const report = await rejected(
      importRegistryFile(ctx.db, file([schoolLine(1), schoolLine(2, change), schoolLine(3)], 'bad.csv')),
    );
    expect(report.problems).toContainEqual(expect.objectContaining({ row: 3, field, key }));
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it('rejects the same INN or page twice in one file, naming the earlier row', async () => {
    const report = await rejected(
      importRegistryFile(
        ctx.db,
        file([
          schoolLine(1),
          schoolLine(2, { vk_url: 'vk.com/public1001' }),
          schoolLine(1, { ogrn: ogrnFor(9) }),
        ]),
      ),
    );
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 3, field: 'vk_url', key: 'duplicate_page', params: { other: 2 } }),
      expect.objectContaining({ row: 4, field: 'inn', key: 'duplicate_key' }),
    ]);
    expect((await snapshot(ctx.db)).institutions).toEqual([]);
  });

  it('rejects a row whose INN and OGRN belong to two different institutions already stored', async () => {
    await importRegistryFile(ctx.db, file([schoolLine(1), schoolLine(2)]));
    const before = await snapshot(ctx.db);
    const report = await rejected(
      importRegistryFile(ctx.db, file([schoolLine(1, { ogrn: ogrnFor(2), vk_url: '' })], 'mixed.csv')),
    );
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 2, field: 'ogrn', key: 'identity_conflict' }),
    ]);
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it('with skipInvalid writes the valid rows and reports the rest', async () => {
    const report = await importRegistryFile(
      ctx.db,
      file([schoolLine(1), schoolLine(2, { region_code: '00' }), schoolLine(3)]),
      { skipInvalid: true },
    );
    expect(report).toMatchObject({ created: 2, skipped: 1 });
    expect(report.problems).toEqual([expect.objectContaining({ row: 3, field: 'region_code' })]);
    expect((await snapshot(ctx.db)).institutions).toHaveLength(2);
  });

  it('reads Windows-1251 with semicolons and Russian headers, as Excel writes it', async () => {
    const header = ['ИНН', 'ОГРН', 'Полное наименование', 'Краткое наименование', 'Тип', 'Код региона'];
    const lines = [
      [innFor(1), ogrnFor(1), 'МБДОУ «Детский сад № 1 «Солнышко»»', 'МБДОУ д/с № 1', 'детский сад', '7'],
      [innFor(2), ogrnFor(2), 'ГБПОУ «Колледж; связи»', '', 'колледж', '77'],
    ];
    const text = [header, ...lines]
      .map((cells) => cells.map((c) => (/[;"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'))
      .join('\r\n');
    const cp1251 = encodeCp1251(text);
    const report = await importRegistryFile(ctx.db, writeFile(dir, 'excel.csv', cp1251));
    expect(report).toMatchObject({ created: 2, problems: [] });
    const { institutions } = await snapshot(ctx.db);
    expect(institutions.map((i) => [i.full_name, i.kind, i.region_code])).toEqual([
      ['МБДОУ «Детский сад № 1 «Солнышко»»', 'kindergarten', '07'],
      ['ГБПОУ «Колледж; связи»', 'college', '77'],
    ]);
  });

  it('reads UTF-8 with a BOM', async () => {
    const path = writeFile(dir, 'bom.csv', `\uFEFF${csvText([schoolLine(1)], ';')}`);
    expect(await importRegistryFile(ctx.db, path)).toMatchObject({ created: 1, pages: 1 });
  });

  it('reads XLSX, with INN as a number cell that lost its leading zero', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Реестр');
    sheet.addRow(['inn', 'full_name', 'kind', 'region_code', 'vk_url']);
    sheet.addRow([
      274062111,
      'МБОУ СОШ № 1 г. Уфы',
      'школа',
      2,
      { text: 'vk.com/ufa_school1', hyperlink: 'https://vk.com/ufa_school1' },
    ]);
    const path = `${dir}/registry.xlsx`;
    await workbook.xlsx.writeFile(path);
    const report = await importRegistryFile(ctx.db, path);
    expect(report).toMatchObject({ created: 1, pages: 1, problems: [] });
    const { institutions, pages } = await snapshot(ctx.db);
    expect(institutions[0]).toMatchObject({ inn: '0274062111', region_code: '02' });
    expect(pages[0]).toMatchObject({ screen_name: 'ufa_school1' });
  });

  it('plans a large file against an index of all keys, with the same results as lookups', async () => {
    const lines = Array.from({ length: 6000 }, (_, i) => schoolLine(i + 1));
    expect(await importRegistryFile(ctx.db, file(lines, 'large.csv'))).toMatchObject({
      created: 6000,
      pages: 6000,
    });
    const changed = lines.map((line, i) =>
      i % 2 ? { ...line, short_name: `Школа ${i}`, vk_url: `@school_${i}` } : line,
    );
    const again = await importRegistryFile(ctx.db, file(changed, 'large2.csv'));
    expect(again).toMatchObject({ created: 0, updated: 6000, pages: 6000 });
    const { institutions, pages } = await snapshot(ctx.db);
    expect(institutions).toHaveLength(6000);
    expect(pages).toHaveLength(6000);
    expect(institutions[1]?.short_name).toBe('Школа 1');
    expect(pages[1]).toMatchObject({ screen_name: 'school_1', institution_id: institutions[1]?.id });
  });

  it('names the missing columns of a file without the required header', async () => {
    const path = writeFile(dir, 'nohead.csv', 'name,foo\nШкола,1\n');
    await expect(importRegistryFile(ctx.db, path)).rejects.toMatchObject({
      code: 'INVALID_INPUT_FILE',
      details: { file: 'nohead.csv', key: 'missing_columns' },
    });
  });
});
