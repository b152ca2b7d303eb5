// The reports feature's public face: unit reports (PDF, XLSX, HTML, JSON) on request and on schedule, list
// exports and open data.

export { exportRoutes } from './export.routes.ts';
export { openDataContract } from './open-data.contract.ts';
export { openDataRoutes } from './open-data.routes.ts';
export { openData, openDataCsv } from './open-data.service.ts';
export { closePdfBrowser, htmlToPdf, pdfStats } from './pdf.ts';
export { reportRoutes } from './report.routes.ts';
export { ReportCache } from './report-cache.ts';
export { REPORT_GENERATE, reportJobs, unitInScope, unitSpec } from './report-files.service.ts';
export { REPORT_FORMATS, type ReportFormat, renderReport, reportFileName } from './report-render.ts';
export { reportsContract } from './reports.contract.ts';
export { runForPeriod } from './unit-report.repo.ts';
export { type UnitReport, unitReport } from './unit-report.service.ts';
