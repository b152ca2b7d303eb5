// A unit report as a workbook: one sheet per section, typed cells (numbers as numbers, shares as percentages),
// frozen headers with filters, the methodology version and period at the top of every sheet.
import { type Lang, translator } from '../platform/i18n.ts';
import { reportDate, reportStamp } from './report.html.ts';
import { reportMessages } from './report.messages.ts';
import { rateColor } from './report-colors.ts';
import type { UnitReport } from './unit-report.service.ts';

type Cell = string | number | null;

export async function renderReportXlsx(report: UnitReport, lang: Lang): Promise<Buffer> {
  const t = translator(reportMessages, lang);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Publica';
  book.created = new Date(report.generatedAt * 1000);
  const stamp = reportStamp(report, lang);

  /** A sheet with the unit and stamp on top, then a header row that stays in view and filters. */
  const sheet = (
    name: string,
    columns: { title: string; width: number; format?: string }[],
    rows: Cell[][],
  ) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.getCell('A1').value = report.unit.name[lang];
    ws.getCell('A1').font = { bold: true, size: 13 };
    ws.getCell('A2').value = stamp;
    const header = ws.getRow(3);
    columns.forEach((c, i) => {
      header.getCell(i + 1).value = c.title;
      ws.getColumn(i + 1).width = c.width;
      if (c.format) ws.getColumn(i + 1).numFmt = c.format;
    });
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F3F7' } };
    for (const row of rows) ws.addRow(row);
    if (rows.length > 0)
      ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };
    return ws;
  };

  const s = report.summary;
  sheet(
    t('summary'),
    [
      { title: t('indicator'), width: 36 },
      { title: t('value'), width: 16 },
    ],
    [
      [t('institutions'), s.institutions],
      [t('withPage'), s.withPage],
      [t('audited'), s.audited],
      [t('meanScore'), s.meanScore],
      [t('coverage'), s.coverage],
      ...report.levels.map((l): Cell[] => [`${t('level')}: ${l.title[lang]}`, s.levels[l.id] ?? 0]),
    ],
  ).getCell('B8').numFmt = '0.0%';

  if (report.children.length > 0)
    sheet(
      report.unit.level === 'country' ? t('childrenRegion') : t('childrenMunicipality'),
      [
        { title: t('name'), width: 40 },
        { title: t('institutions'), width: 12 },
        { title: t('withPage'), width: 14 },
        { title: t('audited'), width: 14 },
        { title: t('meanScore'), width: 12 },
        { title: t('coverage'), width: 14, format: '0.0%' },
        ...report.levels.map((l) => ({ title: l.title[lang], width: 14 })),
      ],
      report.children.map((c) => [
        lang === 'ru' ? c.nameRu : c.nameEn,
        c.institutions,
        c.withPage,
        c.audited,
        c.meanScore,
        c.coverage,
        ...report.levels.map((l) => c.levels[l.id] ?? 0),
      ]),
    );

  const h = report.heatmap;
  if (h.rows.length > 0) {
    const ws = sheet(
      t('heatmap'),
      [
        { title: t('name'), width: 36 },
        ...h.rules.map((r) => ({ title: r.title[lang], width: 14, format: '0%' })),
      ],
      h.rows.map((row) => [row.name[lang], ...row.rates]),
    );
    ws.getRow(3).alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(3).height = 60;
    for (const [r, row] of h.rows.entries())
      for (const [c, rate] of row.rates.entries()) {
        if (rate === null) continue;
        ws.getCell(r + 4, c + 2).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: hslToArgb(rateColor(rate)) },
        };
      }
  }

  sheet(
    t('trend'),
    [
      { title: t('runEnd'), width: 20 },
      { title: t('meanScore'), width: 14 },
      { title: t('pages'), width: 12 },
    ],
    report.trend.map((p) => [reportDate(p.periodEnd - 1, lang), p.meanScore, p.pages]),
  );

  const moverRows = (list: UnitReport['movers']['up']) =>
    list.map((m) => [m.institution, m.url, m.before, m.after, Math.round((m.after - m.before) * 10) / 10]);
  sheet(
    t('movers'),
    [
      { title: t('institution'), width: 50 },
      { title: t('page'), width: 30 },
      { title: t('before'), width: 10 },
      { title: t('after'), width: 10 },
      { title: t('change'), width: 12 },
    ],
    [...moverRows(report.movers.up), ...moverRows(report.movers.down)],
  );

  sheet(
    t('unanswered'),
    [
      { title: t('institution'), width: 50 },
      { title: t('page'), width: 30 },
      { title: t('questions'), width: 12 },
      { title: t('noAnswer'), width: 12 },
      { title: t('oldest'), width: 14 },
    ],
    report.unanswered.map((u) => [u.institution, u.url, u.questions, u.unanswered, u.oldest]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** hsl(h, s%, l%) → ARGB hex, for cell fills that match the HTML heatmap. */
function hslToArgb(hsl: string): string {
  const [h = 0, s = 0, l = 0] = (hsl.match(/[\d.]+/g) ?? []).map(Number);
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `FF${f(0)}${f(8)}${f(4)}`.toUpperCase();
}
