// Validates registry records: each row on its own, then the checks across rows (the same INN, OGRN or page
// twice in one file). Keeps what it has seen, so a file can be validated slice by slice as it is parsed.
import {
  CLI_READ_LIMITS,
  eachRegistryRecord,
  type RawRecord,
  type ReadLimits,
  type RegistryFile,
} from './registry-file.reader.ts';
import { type RegistryRow, type RowProblem, validateRecord } from './registry-row.ts';

/** A report lists this many problems; `problemCount` says how many there were in all. */
export const REPORTED_PROBLEMS = 1000;

/** Problems of a file: the first REPORTED_PROBLEMS kept, all counted, and the rows they fall on counted. */
export type ProblemTally = { problems: RowProblem[]; problemCount: number; invalidRows: number };

export function addProblems(tally: ProblemTally, problems: readonly RowProblem[]): void {
  if (problems.length === 0) return;
  tally.invalidRows += new Set(problems.map((p) => p.row)).size;
  tally.problemCount += problems.length;
  for (const p of problems) if (tally.problems.length < REPORTED_PROBLEMS) tally.problems.push(p);
}

/** A read file after validation: its valid rows and the tally of the rest; what a parse thread hands back. */
export type ValidatedRegistry = Pick<RegistryFile, 'file' | 'headers' | 'columnCount'> &
  ProblemTally & { records: number; rows: RegistryRow[] };

export function validateRegistryFile(file: RegistryFile): ValidatedRegistry {
  const validator = new RowValidator(file.columnCount);
  const result: ValidatedRegistry = {
    file: file.file,
    headers: file.headers,
    columnCount: file.columnCount,
    records: file.records.length,
    rows: [],
    problems: [],
    problemCount: 0,
    invalidRows: 0,
  };
  // Record by record, so the problems of a file of bad rows are counted rather than all held.
  for (const record of file.records)
    validator.validateInto(record, result.rows, (p) => addProblems(result, p));
  return result;
}

/**
 * Reads and validates a registry file in one pass: each record is validated as soon as it is parsed and only
 * valid rows are kept, so the raw records of a 100,000-row file are never all held.
 */
export async function readValidatedRegistry(
  filePath: string,
  limits: ReadLimits = CLI_READ_LIMITS,
  name?: string,
): Promise<ValidatedRegistry> {
  let validator: RowValidator | undefined;
  const rows: RegistryRow[] = [];
  const tally: ProblemTally = { problems: [], problemCount: 0, invalidRows: 0 };
  let records = 0;
  const onProblems = (problems: RowProblem[]) => addProblems(tally, problems);
  const read = await eachRegistryRecord(
    filePath,
    (record, header) => {
      validator ??= new RowValidator(header.columnCount);
      records++;
      validator.validateInto(record, rows, onProblems);
    },
    limits,
    name,
  );
  return { ...read, records, rows, ...tally };
}

export class RowValidator {
  private readonly seen = {
    inn: new Map<string, number>(),
    ogrn: new Map<string, number>(),
    page: new Map<string, number>(),
  };

  constructor(private readonly columnCount: number) {}

  validate(records: readonly RawRecord[]): { rows: RegistryRow[]; problems: RowProblem[] } {
    const rows: RegistryRow[] = [];
    const problems: RowProblem[] = [];
    for (const record of records) this.validateInto(record, rows, (p) => problems.push(...p));
    return { rows, problems };
  }

  /** One record: its row onto `rows` when valid, else its problems to `onProblems` (a row's, in order). */
  validateInto(record: RawRecord, rows: RegistryRow[], onProblems: (problems: RowProblem[]) => void): void {
    const result = validateRecord(record, this.columnCount);
    if (!result.ok) {
      onProblems(result.problems);
      return;
    }
    const row = result.row;
    const duplicate = firstDuplicate(row, this.seen);
    if (duplicate) {
      onProblems([{ row: row.row, ...duplicate }]);
      return;
    }
    if (row.inn) this.seen.inn.set(row.inn, row.row);
    if (row.ogrn) this.seen.ogrn.set(row.ogrn, row.row);
    if (row.vk) this.seen.page.set(pageIdentity(row.vk), row.row);
    rows.push(row);
  }
}

function firstDuplicate(
  row: RegistryRow,
  seen: Record<'inn' | 'ogrn' | 'page', Map<string, number>>,
): Omit<RowProblem, 'row'> | undefined {
  if (row.inn !== null) {
    const other = seen.inn.get(row.inn);
    if (other !== undefined) return { field: 'inn', key: 'duplicate_key', params: { other, key: row.inn } };
  }
  if (row.ogrn !== null) {
    const other = seen.ogrn.get(row.ogrn);
    if (other !== undefined) return { field: 'ogrn', key: 'duplicate_key', params: { other, key: row.ogrn } };
  }
  if (row.vk !== null) {
    const other = seen.page.get(pageIdentity(row.vk));
    if (other !== undefined) return { field: 'vk_url', key: 'duplicate_page', params: { other } };
  }
  return undefined;
}

export function pageIdentity(ref: NonNullable<RegistryRow['vk']>): string {
  return ref.kind === 'id' ? `id:${ref.externalId}` : `sn:${ref.screenName}`;
}
