// A registry file uploaded through the API: imported (or previewed with a dry run) inside the uploader's scope.
// Every upload, accepted or rejected, is kept with its report, so the row-level errors can be read again.
import path from 'node:path';
import { type Actor, recordAction } from '../platform/audit-log.ts';
import { type Clock, systemClock, unixSeconds } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import { type Lang, translator } from '../platform/i18n.ts';
import { placementOf, type Scope } from '../platform/scope.ts';
import { formatFileProblem, isFileProblem, isImportReport } from './import-report.format.ts';
import { registryMessages } from './registry.messages.ts';
import { type ImportReport, importValidated } from './registry-import.service.ts';
import { parseRegistryUpload } from './registry-parse.ts';
import { insertUpload } from './registry-upload.repo.ts';

export type UploadResult = {
  id: number;
  status: 'imported' | 'previewed' | 'rejected';
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  pages: number;
  message: string | null;
  /** Problems beyond those listed. */
  moreProblems: number;
  problems: {
    row: number;
    field: string;
    column: string;
    code: string;
    message: string;
    value: string | null;
  }[];
};

export async function uploadRegistry(
  db: Db,
  actor: Actor & { scope: Scope },
  /** The uploaded file, already on disk (streamed there within the route's size limit). */
  file: { name: string; path: string },
  options: { dryRun: boolean; skipInvalid: boolean; lang: Lang },
  clock: Clock = systemClock,
): Promise<UploadResult> {
  const name = path.basename(file.name).slice(0, 200) || 'upload.csv';
  if (!/\.(csv|txt|tsv|xlsx)$/i.test(name))
    throw new AppError('VALIDATION', 'upload a .csv or .xlsx file', [
      { path: 'file', message: 'expected .csv or .xlsx' },
    ]);
  const at = unixSeconds(clock.now());
  let result: Omit<UploadResult, 'id'>;
  try {
    // Read and validated in a worker thread; only the valid rows and the first problems come back.
    const report = await importValidated(db, await parseRegistryUpload(file.path, name), {
      scope: actor.scope,
      dryRun: options.dryRun,
      skipInvalid: options.skipInvalid,
      now: clock.now(),
    });
    result = summarise(report, options.dryRun ? 'previewed' : 'imported', null, options.lang);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const report = isImportReport(error.details) ? error.details : null;
    const message = isFileProblem(error.details)
      ? formatFileProblem(error.details, options.lang)
      : error.message;
    if (!report && error.code !== 'INVALID_INPUT_FILE' && error.code !== 'VALIDATION') throw error;
    result = report
      ? summarise(report, 'rejected', message, options.lang)
      : {
          status: 'rejected',
          fileName: name,
          rows: 0,
          created: 0,
          updated: 0,
          pages: 0,
          message,
          moreProblems: 0,
          problems: [],
        };
  }
  const placement = placementOf(actor.scope);
  const id = await insertUpload(db, {
    user_id: actor.userId,
    at,
    file_name: name,
    dry_run: options.dryRun ? 1 : 0,
    status: result.status,
    region_code: placement.regionCode,
    municipality_id: placement.municipalityId,
    rows: result.rows,
    created: result.created,
    updated: result.updated,
    problems: result.problems.length + result.moreProblems,
    report_json: JSON.stringify(result),
  });
  if (result.status === 'imported')
    await recordAction(
      db,
      actor,
      {
        action: 'registry.import',
        targetType: 'registry_upload',
        targetId: id,
        at,
        details: { file: name, rows: result.rows, created: result.created, updated: result.updated },
      },
      placement,
    );
  return { id, ...result };
}

function summarise(
  report: ImportReport,
  status: UploadResult['status'],
  message: string | null,
  lang: Lang,
): Omit<UploadResult, 'id'> {
  const t = translator(registryMessages, lang);
  return {
    status,
    fileName: report.file,
    rows: report.rows,
    created: status === 'rejected' ? 0 : report.created,
    updated: status === 'rejected' ? 0 : report.updated,
    pages: status === 'rejected' ? 0 : report.pages,
    message,
    moreProblems: Math.max(0, report.problemCount - report.problems.length),
    problems: report.problems.map((p) => ({
      row: p.row,
      field: p.field,
      column: report.headers[p.field] ?? p.field,
      code: p.key,
      message: t(p.key, p.params),
      value: p.value ?? null,
    })),
  };
}
