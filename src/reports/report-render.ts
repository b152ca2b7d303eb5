// A unit report in the format asked for: the HTML page, its PDF print, the workbook, or the data as JSON.
import { type Lang, translator } from '../platform/i18n.ts';
import { htmlToPdf } from './pdf.ts';
import { renderReportHtml, reportStamp } from './report.html.ts';
import { reportMessages } from './report.messages.ts';
import { renderReportXlsx } from './report.xlsx.ts';
import type { UnitReport } from './unit-report.service.ts';

export type ReportFormat = 'pdf' | 'xlsx' | 'html' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'xlsx', 'html', 'json'];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** `requester` (a user) gets a share of the PDF queue, not all of it. */
export async function renderReport(
  report: UnitReport,
  format: ReportFormat,
  lang: Lang,
  requester?: string,
): Promise<Buffer> {
  switch (format) {
    case 'json':
      return Buffer.from(JSON.stringify(report));
    case 'html':
      return Buffer.from(await renderReportHtml(report, lang));
    case 'xlsx':
      return renderReportXlsx(report, lang);
    case 'pdf': {
      const t = translator(reportMessages, lang);
      return htmlToPdf(await renderReportHtml(report, lang), {
        header: `Publica · ${report.unit.name[lang]}`,
        footer: reportStamp(report, lang),
        pageOf: t('pageOf'),
        requester,
      });
    }
  }
}

/** publica-region-77-2026-11-29.pdf */
export function reportFileName(report: UnitReport, format: ReportFormat): string {
  const day = new Date(report.generatedAt * 1000).toISOString().slice(0, 10);
  return `publica-${report.unit.key.replace(/[:/]/g, '-')}-${day}.${format}`;
}
