// Renders an import report for people: one line per problem, naming file, row and column as the file has it.
import { type Lang, translator } from '../platform/i18n.ts';
import { registryMessages } from './registry.messages.ts';
import type { ImportReport } from './registry-import.service.ts';

export function formatProblems(report: ImportReport, lang: Lang): string[] {
  const t = translator(registryMessages, lang);
  const lines = report.problems.map((p) =>
    t('row_problem', {
      file: report.file,
      row: p.row,
      field: report.headers[p.field] ?? p.field,
      message: t(p.key, p.params),
    }),
  );
  const rest = report.problemCount - report.problems.length;
  if (rest > 0) lines.push(t('more_problems', { file: report.file, count: rest }));
  return lines;
}

export function formatSummary(report: ImportReport, lang: Lang): string {
  const t = translator(registryMessages, lang);
  return t('summary', { ...report, problems: report.problemCount, headers: '' });
}

export function formatRejection(report: ImportReport, lang: Lang): string {
  const t = translator(registryMessages, lang);
  return t('invalid_rows', { file: report.file, count: report.invalidRows });
}

export function isImportReport(value: unknown): value is ImportReport {
  return typeof value === 'object' && value !== null && 'problems' in value && 'headers' in value;
}

type FileProblem = {
  file: string;
  key: keyof typeof registryMessages;
  params?: Record<string, string | number>;
};

export function isFileProblem(value: unknown): value is FileProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    'file' in value &&
    'key' in value &&
    typeof value.key === 'string' &&
    value.key in registryMessages
  );
}

export function formatFileProblem(problem: FileProblem, lang: Lang): string {
  const t = translator(registryMessages, lang);
  return `${problem.file}: ${t(problem.key, problem.params)}`;
}
