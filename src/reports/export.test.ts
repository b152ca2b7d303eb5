import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, multipart } from '../../test/api.ts';
import { describeEachDialect } from '../../test/db.ts';
import { term } from './export.messages.ts';

const get = (url: string) => ({ method: 'GET' as const, url });

describeEachDialect(
  'exports of list views',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 60 });
      // A name with the delimiter, quotes and a formula, as registries bring them.
      const csv = `inn,ogrn,full_name,kind,region_code,municipality,vk_url\n7736050003,,"=SUM(1;2) школа ""Ромашка""; корпус 2",school,${w.a.regionCode},"${w.a.municipality}",https://vk.com/club999999001\n`;
      const up = await w.as('federal', {
        method: 'POST',
        url: '/api/registry/uploads',
        ...multipart('x.csv', csv),
      });
      expect(up.json().status).toBe('imported');
    }, 120_000);
    afterAll(() => w?.close());

    it('exports the page list as CSV for Excel: BOM, semicolons, quoting, escaped formulas, same rows as the list', async () => {
      const res = await w.as('region', get('/api/exports/pages?sort=-score&lang=en'));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(
        /attachment; filename="publica-pages-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      const parsed = Papa.parse<string[]>(res.body.slice(1).trimEnd(), { delimiter: ';' });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(header?.slice(0, 4)).toEqual(['Page ID', 'URL', 'Status', 'Institution']);
      const list = (await w.as('region', get('/api/pages?sort=-score&size=100'))).json();
      expect(rows.map((r) => Number(r[0]))).toEqual(list.items.map((p: { id: number }) => p.id));
      const odd = rows.find((r) => r[3]?.includes('Ромашка'));
      expect(odd?.[3]).toBe(`'=SUM(1;2) школа "Ромашка"; корпус 2`);
      const ru = await w.as('region', get('/api/exports/pages?delimiter=comma'));
      expect(ru.body.slice(1).split('\r\n')[0]?.startsWith('ID страницы,Адрес,')).toBe(true);
    });

    it('writes a Russian CSV as Russian Excel reads it: decimal commas, kinds, levels and statuses in words', async () => {
      const res = await w.as('region', get('/api/exports/audit-results'));
      const [header, ...rows] = Papa.parse<string[]>(res.body.slice(1).trimEnd(), { delimiter: ';' }).data;
      expect(header?.[4]).toBe('Тип');
      const cells = rows.flat();
      // Category scores are fractions: with a comma, never a point.
      expect(cells.some((c) => /^\d+,\d+$/.test(c))).toBe(true);
      expect(cells.some((c) => /^\d+\.\d+$/.test(c))).toBe(false);
      expect(new Set(rows.map((r) => r[4]))).toContain('Школа');
      for (const r of rows) expect(r[8], 'level').toMatch(/^[А-Я][а-я ]+$/);
      const pages = await w.as('region', get('/api/exports/pages'));
      const [, ...pageRows] = Papa.parse<string[]>(pages.body.slice(1).trimEnd(), { delimiter: ';' }).data;
      for (const r of pageRows) expect(r[2], 'status').toMatch(/^[а-я ]+$/);
    });

    it('exports XLSX that reads back as the same rows, typed, with a frozen, filtered header', async () => {
      const res = await w.as(
        'federal',
        get(`/api/exports/pages?format=xlsx&region=${w.a.regionCode}&sort=name`),
      );
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      expect(sheet.name).toBe('Страницы');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      const list = (
        await w.as('federal', get(`/api/pages?region=${w.a.regionCode}&sort=name&size=100`))
      ).json();
      expect(sheet.rowCount - 1).toBe(list.total);
      list.items.forEach(
        (p: { id: number; score: number | null; institution: { fullName: string } }, i: number) => {
          const row = sheet.getRow(i + 2);
          expect(row.getCell(1).value).toBe(p.id);
          expect(row.getCell(4).value).toBe(p.institution.fullName);
          expect(row.getCell(8).value).toBe(p.score);
        },
      );
    });

    it('keeps an export inside the caller’s scope', async () => {
      const mine = await w.as('municipality', get('/api/exports/pages?format=csv'));
      const rows = Papa.parse<string[]>(mine.body.slice(1).trimEnd(), { delimiter: ';' }).data.slice(1);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(Number(r[6])).toBe(w.a.municipalityId);
      expect((await w.as('region', get(`/api/exports/pages?region=${w.b.regionCode}`))).statusCode).toBe(404);
    });

    it('exports institutions in the list order across batches, INN kept as text, the same rows as the list', async () => {
      const list = (
        await w.as('federal', get(`/api/institutions?region=${w.a.regionCode}&sort=-name&size=100`))
      ).json();
      // Batches of 2,000 would hide a keyset mistake here: walk the API's own generator in batches of 7.
      const { eachInstitutionInScope } = await import('../registry/index.ts');
      const walked: number[] = [];
      for await (const batch of eachInstitutionInScope(
        ctx.db,
        { level: 'country' },
        { regionCode: w.a.regionCode, sort: '-name' },
        7,
      ))
        walked.push(...batch.map((i) => i.id));
      expect(walked).toEqual(list.items.map((i: { id: number }) => i.id));
      const csv = await w.as(
        'federal',
        get(`/api/exports/institutions?region=${w.a.regionCode}&sort=-name&lang=en`),
      );
      expect(csv.statusCode).toBe(200);
      const [header, ...rows] = Papa.parse<string[]>(csv.body.slice(1).trimEnd(), { delimiter: ';' }).data;
      expect(header?.slice(0, 4)).toEqual(['Institution ID', 'INN', 'OGRN', 'Full name']);
      expect(rows.map((r) => Number(r[0]))).toEqual(walked);
      const odd = rows.find((r) => r[3]?.includes('Ромашка'));
      expect(odd?.[1]).toBe('7736050003');
      expect(odd?.[3]).toBe(`'=SUM(1;2) школа "Ромашка"; корпус 2`);
      const xlsx = await w.as(
        'federal',
        get(`/api/exports/institutions?region=${w.a.regionCode}&sort=-name&format=xlsx`),
      );
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('Учреждения');
      const read = list.items.map((_: unknown, i: number) => {
        const row = sheet?.getRow(i + 2);
        return { id: row?.getCell(1).value, inn: row?.getCell(2).value, fullName: row?.getCell(4).value };
      });
      expect(read).toEqual(
        list.items.map((i: { id: number; inn: string | null; fullName: string }) => ({
          id: i.id,
          inn: i.inn,
          fullName: i.fullName,
        })),
      );
    });

    it('exports the newest audit results of the scope, one row per page with category scores', async () => {
      const res = await w.as('municipality', get('/api/exports/audit-results?lang=en&delimiter=comma'));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`publica-audit-${w.runId}-`);
      const [header, ...rows] = Papa.parse<string[]>(res.body.slice(1).trimEnd(), { delimiter: ',' }).data;
      expect(header).toContain('Identity and profile');
      const stored = await ctx.db.kysely
        .selectFrom('audit_page_results')
        .select(['page_id', 'total', 'level'])
        .where('run_id', '=', w.runId)
        .where('municipality_id', '=', w.a.municipalityId)
        .orderBy('page_id')
        .execute();
      expect(rows.map((r) => [Number(r[0]), Number(r[7]), r[8]])).toEqual(
        stored.map((p) => [p.page_id, p.total, term('level', p.level, 'en')]),
      );
      const denied = await w.as('municipality', get(`/api/exports/audit-results?region=${w.b.regionCode}`));
      expect(denied.statusCode).toBe(404);
    });
  },
  { shared: true },
);
