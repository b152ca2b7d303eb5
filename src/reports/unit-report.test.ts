// Unit reports over the audited two-region API world: the data, the PDF (text on every page, read back with
// unpdf), the workbook (read back with exceljs), the routes' scope rules, and schedules that the scheduler
// fires and a worker turns into stored files; the cache of rendered reports (a hit, and a miss after a new
// audit run) and the render queue's answers over HTTP (a request waits, the next gets 503 with Retry-After).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/api.ts';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { pdfFonts, pdfPages } from '../../test/pdf-text.ts';
import { runAudit } from '../audit/index.ts';
import { loadVersion } from '../methodology/index.ts';
import { DbJobQueue, leadership, Scheduler } from '../platform/jobs/index.ts';
import { closePdfBrowser, inPdfSlot, pdfStats } from './pdf.ts';
import { REPORT_GENERATE, reportJobs } from './report-files.service.ts';
import { type UnitReport, unitReport } from './unit-report.service.ts';

describeEachDialect(
  'unit reports',
  (ctx) => {
    let w: ApiWorld;
    let report: UnitReport;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 120 });
      report = await unitReport(
        ctx.db,
        { level: 'country' },
        { level: 'region', regionCode: w.a.regionCode },
      );
    });
    afterAll(async () => {
      await w?.close();
      await closePdfBrowser();
    });

    it('sums the region as of its newest audit, against the audit before', async () => {
      expect(report.run?.id).toBe(w.runId);
      expect(report.previous?.periodEnd).toBeLessThan(report.run?.periodEnd ?? 0);
      const pages = await ctx.db.kysely
        .selectFrom('audit_page_results')
        .select(['total', 'level'])
        .where('run_id', '=', w.runId)
        .where('region_code', '=', w.a.regionCode)
        .execute();
      expect(report.summary.audited).toBe(pages.length);
      expect(Object.values(report.summary.levels).reduce((s, n) => s + n, 0)).toBe(pages.length);
      const mean = pages.reduce((s, p) => s + p.total, 0) / pages.length;
      expect(report.summary.meanScore).toBeCloseTo(mean, 1);
      expect(report.trend.map((t) => t.runId)).toEqual([report.previous?.id, report.run?.id]);
      // Child units are this region's municipalities only, and they add up.
      expect(report.children.length).toBeGreaterThan(1);
      expect(report.children.reduce((s, c) => s + c.audited, 0)).toBe(pages.length);
      expect(report.heatmap.by).toBe('municipality');
      for (const row of report.heatmap.rows)
        for (const rate of row.rates) if (rate !== null) expect(rate).toBeGreaterThanOrEqual(0);
      expect(report.heatmap.rules.length).toBeGreaterThan(20);
      // Movers rise and fall, largest first.
      const deltas = report.movers.up.map((m) => m.after - m.before);
      expect(deltas.every((d) => d > 0)).toBe(true);
      expect(deltas).toEqual([...deltas].sort((x, y) => y - x));
      expect(report.movers.down.every((m) => m.after < m.before)).toBe(true);
      // Unit movers are the region's municipalities (one level below), the biggest fall first, each with the
      // mean scores of both periods as the children's rows have them.
      expect(report.unitMovers.length).toBeGreaterThan(1);
      const keys = new Set(report.children.map((c) => c.key));
      for (const m of report.unitMovers) {
        expect(keys.has(m.key)).toBe(true);
        expect(m.after).toBe(report.children.find((c) => c.key === m.key)?.meanScore);
      }
      const changes = report.unitMovers.map((m) => m.after - m.before);
      expect(changes).toEqual([...changes].sort((x, y) => x - y));
      const unanswered = report.unanswered.map((u) => u.unanswered);
      expect(unanswered).toEqual([...unanswered].sort((x, y) => y - x));
    });

    it('prints a PDF whose every page names the methodology version and the period', async () => {
      const res = await w.as('region', {
        method: 'GET',
        url: `/api/reports/units/region/${w.a.regionCode}?format=pdf&lang=ru`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const texts = await pdfPages(res.rawPayload);
      const pages = texts.length;
      expect(pages).toBeGreaterThanOrEqual(3);
      // Printed in the font Publica ships, whatever fonts this machine has.
      expect(
        [...pdfFonts(res.rawPayload)].every((f) => f.startsWith('PTSans-')),
        [...pdfFonts(res.rawPayload)].join(),
      ).toBe(true);
      for (let page = 1; page <= pages; page++) {
        const text = texts[page - 1] ?? '';
        expect(text).toContain('Методика 2023.1');
        expect(text).toContain(`аудит № ${w.runId}`);
        expect(text).toContain(report.unit.name.ru);
        expect(text).toContain(`стр. ${page} из ${pages}`);
      }
      const all = texts.join('\n');
      for (const heading of [
        'Итоги',
        'Муниципалитеты',
        'Соответствие правилам методики',
        'Вопросы без ответа',
      ])
        expect(all).toContain(heading);
      expect(all).toContain(report.children[0]?.nameRu);
      // Numbers as a Russian reader writes them: a decimal comma, never a point.
      const mean = report.summary.meanScore ?? 0;
      expect(all).toContain(new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(mean));
      expect(all.replaceAll('2023.1', '')).not.toMatch(/\b\d+\.\d\b/);
    });

    it('writes a workbook whose cells equal the report', async () => {
      const res = await w.as('region', {
        method: 'GET',
        url: `/api/reports/units/region/${w.a.regionCode}?format=xlsx&lang=en`,
      });
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const summary = book.getWorksheet('Summary');
      expect(summary?.getCell('A2').value).toContain('Methodology 2023.1');
      expect(summary?.getCell('B6').value).toBe(report.summary.audited);
      expect(summary?.getCell('B8').value).toBe(report.summary.coverage);
      const units = book.getWorksheet('Municipalities');
      const rows = report.children.map((c) => [c.nameEn, c.institutions, c.withPage, c.audited, c.meanScore]);
      const read = rows.map((_, i) =>
        [1, 2, 3, 4, 5].map((c) => units?.getRow(i + 4).getCell(c).value ?? null),
      );
      expect(read).toEqual(rows);
      const heat = book.getWorksheet('Compliance with the methodology');
      expect(heat?.getRow(4).getCell(2).value).toBe(report.heatmap.rows[0]?.rates[0]);
    });

    it('answers 404 for a unit outside the caller scope, as for one that does not exist', async () => {
      for (const url of [
        `/api/reports/units/region/${w.b.regionCode}?format=json`,
        '/api/reports/units/country/all?format=json',
        `/api/reports/units/institution/${w.b.institutionId}?format=json`,
        '/api/reports/units/region/00?format=json',
      ]) {
        const res = await w.as('region', { method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
      }
      const own = await w.as('institution', {
        method: 'GET',
        url: `/api/reports/units/institution/${w.a.institutionId}?format=json`,
      });
      expect(own.statusCode).toBe(200);
      expect(own.json().heatmap.by).toBe('page');
    });

    it('publica report writes the file, and audits a period first when it has no audit', async () => {
      const out = path.join(tempDir(), 'm.xlsx');
      const bin = path.resolve(import.meta.dirname, '../../bin/publica.js');
      const before = await ctx.db.kysely.selectFrom('audit_runs').select('id').execute();
      const args = ['report', 'municipality', String(w.a.municipalityId), '--format', 'xlsx'];
      const result = spawnSync(
        process.execPath,
        [bin, ...args, '--period', '2026-09-01..2026-09-30', '--out', out],
        { env: { ...process.env, PUBLICA_DB: ctx.url, PUBLICA_LANG: 'en' }, encoding: 'utf8' },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.trim()).toBe(out);
      expect(result.stderr).toContain('running one');
      const runs = await ctx.db.kysely
        .selectFrom('audit_runs')
        .select(['id', 'scope', 'period_start'])
        .execute();
      expect(runs).toHaveLength(before.length + 1);
      expect(runs.at(-1)).toMatchObject({
        scope: `region:${w.a.regionCode}`,
        period_start: Date.parse('2026-09-01') / 1000,
      });
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      expect(book.getWorksheet('Summary')?.getCell('A2').value).toContain(
        '1 September 2026 to 30 September 2026',
      );
      // The same period again: its audit is found, none is run.
      const again = spawnSync(
        process.execPath,
        [bin, ...args, '--period', '2026-09-01..2026-09-30', '--out', out],
        {
          env: { ...process.env, PUBLICA_DB: ctx.url, PUBLICA_LANG: 'en' },
          encoding: 'utf8',
        },
      );
      expect(again.status).toBe(0);
      expect(await ctx.db.kysely.selectFrom('audit_runs').select('id').execute()).toHaveLength(
        before.length + 1,
      );
    });

    it('makes scheduled reports when the scheduler fires, and keeps them for download', async () => {
      const made = await w.as('municipality', {
        method: 'POST',
        url: '/api/reports/schedules',
        payload: {
          level: 'municipality',
          key: String(w.a.municipalityId),
          format: 'xlsx',
          lang: 'en',
          cron: '0 7 * * 1',
          tz: 'Europe/Moscow',
        },
      });
      expect(made.statusCode, made.body).toBe(200);
      const id = made.json().id as number;
      const bad = await w.as('municipality', {
        method: 'POST',
        url: '/api/reports/schedules',
        payload: { level: 'region', key: w.a.regionCode, cron: '0 7 * * 1' },
      });
      expect(bad.statusCode).toBe(404);
      const badCron = await w.as('municipality', {
        method: 'POST',
        url: '/api/reports/schedules',
        payload: { level: 'municipality', key: String(w.a.municipalityId), cron: 'every monday' },
      });
      expect(badCron.statusCode).toBe(400);

      const queue = new DbJobQueue(ctx.db, { pollMs: 50 });
      await queue.start();
      const [definition] = reportJobs(ctx.db);
      await queue.createQueue(REPORT_GENERATE, definition?.options);
      // The worker says when it has written the file: the test awaits that, not the clock.
      let generated!: () => void;
      const written = new Promise<void>((resolve) => {
        generated = resolve;
      });
      await queue.work<object>(REPORT_GENERATE, {}, async (job) => {
        await definition?.handler(job as never);
        generated();
      });
      // The next Monday 7:00 in Moscow from today, whatever day the suite runs (a fixed date went stale).
      const slot = CronExpressionParser.parse('0 7 * * 1', { tz: 'Europe/Moscow', currentDate: new Date() })
        .next()
        .getTime();
      let now = slot - 60_000;
      const scheduler = new Scheduler(ctx.db, queue, { leadership: leadership(ctx.db), now: () => now });
      expect(await scheduler.tick()).toEqual([]);
      now = slot + 5_000;
      expect(await scheduler.tick()).toEqual([`report:${id}`]);
      await written;
      const files: { items: { id: number; format: string; scheduleId: number }[] } = (
        await w.as('municipality', { method: 'GET', url: `/api/reports/files?schedule=${id}` })
      ).json();
      await scheduler.stop();
      await queue.stop();
      expect(files.items).toHaveLength(1);
      expect(files.items[0]).toMatchObject({ format: 'xlsx', scheduleId: id });
      const file = await w.as('municipality', {
        method: 'GET',
        url: `/api/reports/files/${files.items[0]?.id}`,
      });
      expect(file.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      expect(book.getWorksheet('Summary')?.getCell('A1').value).toContain(w.a.municipality);
      // An institution's admin below the municipality does not see the municipality's file.
      const hidden = await w.as('institution', {
        method: 'GET',
        url: `/api/reports/files/${files.items[0]?.id}`,
      });
      expect(hidden.statusCode).toBe(404);
      const stop = await w.as('municipality', { method: 'DELETE', url: `/api/reports/schedules/${id}` });
      expect(stop.statusCode).toBe(200);
      const left = await ctx.db.kysely.selectFrom('job_schedules').select('name').execute();
      expect(left.map((s) => s.name)).not.toContain(`report:${id}`);
    });

    it('serves a report asked again from its cache, and makes it anew after an audit run', async () => {
      const url = `/api/reports/units/region/${w.a.regionCode}?format=pdf&lang=en`;
      const first = await w.as('region', { method: 'GET', url });
      expect(first.statusCode, first.body).toBe(200);
      const rendered = pdfStats.rendered;
      const again = await w.as('region', { method: 'GET', url });
      expect(again.statusCode).toBe(200);
      expect(again.headers['x-cache']).toBe('hit');
      expect(pdfStats.rendered).toBe(rendered);
      expect(Buffer.compare(again.rawPayload, first.rawPayload)).toBe(0);
      expect(again.headers['content-disposition']).toBe(first.headers['content-disposition']);
      // Another reader in the same scope shares the file; another language is another document.
      const other = await w.as('federal_viewer', { method: 'GET', url });
      expect(other.headers['x-cache']).toBe('hit');

      // The region audited again over the same period: the report is of the new run, rendered again.
      const shown = (
        await w.as('region', { method: 'GET', url: url.replace('format=pdf', 'format=json') })
      ).json() as UnitReport;
      const run = shown.run as NonNullable<UnitReport['run']>;
      const audit = await runAudit(ctx.db, {
        version: loadVersion(run.version),
        period: { start: run.periodStart, end: run.periodEnd },
        regionCode: w.a.regionCode,
        workers: 1,
      });
      const after = await w.as('region', { method: 'GET', url });
      expect(after.statusCode).toBe(200);
      expect(after.headers['x-cache']).toBe('miss');
      expect(pdfStats.rendered).toBe(rendered + 1);
      expect((await pdfPages(after.rawPayload)).join('\n')).toContain(`audit #${audit.runId}`);
      const json = await w.as('region', { method: 'GET', url: url.replace('format=pdf', 'format=json') });
      expect(json.headers['x-cache']).toBe('miss');
      expect((json.json() as UnitReport).run?.id).toBe(audit.runId);
    });

    it('renders a bounded number at once: one more waits its turn, the next gets 503 with Retry-After', async () => {
      process.env.PUBLICA_PDF_CONCURRENCY = '1';
      process.env.PUBLICA_PDF_QUEUE = '1';
      process.env.PUBLICA_PDF_PER_USER = '10';
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      try {
        // The only render slot is taken (as by a long render); a request then waits in the queue's one place.
        const holding = inPdfSlot(undefined, () => held);
        const waiting = w.as('region', {
          method: 'GET',
          url: `/api/reports/units/municipality/${w.a.municipalityId}?format=pdf&lang=ru`,
        });
        await vi.waitFor(() => expect(pdfStats.queued()).toBe(1));
        const refused = await w.as('region', {
          method: 'GET',
          url: `/api/reports/units/institution/${w.a.institutionId}?format=pdf&lang=ru`,
        });
        expect(refused.statusCode).toBe(503);
        expect(refused.json().error.code).toBe('BUSY');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        release();
        await holding;
        const served = await waiting;
        expect(served.statusCode, served.body).toBe(200);
        expect(served.headers['content-type']).toBe('application/pdf');
      } finally {
        release();
        delete process.env.PUBLICA_PDF_CONCURRENCY;
        delete process.env.PUBLICA_PDF_QUEUE;
        delete process.env.PUBLICA_PDF_PER_USER;
      }
    });
  },
  { shared: true },
);
