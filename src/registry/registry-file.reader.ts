// Reads a registry file into header-mapped records: CSV in UTF-8 (with or without BOM) or Windows-1251,
// comma, semicolon or tab separated (as Excel in a Russian locale writes it), or the first sheet of an XLSX.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { eachCsvRow } from '../platform/csv.ts';
import { AppError } from '../platform/errors.ts';

export const REGISTRY_FIELDS = [
  'inn',
  'ogrn',
  'full_name',
  'short_name',
  'kind',
  'region_code',
  'municipality',
  'address',
  'website',
  'vk_url',
  'ok_url',
  'max_url',
] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

// Header names people use, normalised (lower case, ё → е, spaces and underscores folded).
const HEADER_ALIASES: Record<RegistryField, string[]> = {
  inn: ['inn', 'инн'],
  ogrn: ['ogrn', 'огрн'],
  full_name: ['full name', 'name', 'полное наименование', 'наименование', 'полное название', 'название'],
  short_name: ['short name', 'краткое наименование', 'сокращенное наименование', 'краткое название'],
  kind: ['kind', 'type', 'тип', 'вид', 'тип учреждения', 'тип организации', 'вид учреждения'],
  region_code: ['region code', 'region', 'код региона', 'регион', 'код субъекта', 'субъект'],
  municipality: [
    'municipality',
    'муниципалитет',
    'муниципальное образование',
    'муниципальный район',
    'район',
    'мо',
  ],
  address: ['address', 'адрес', 'юридический адрес', 'почтовый адрес'],
  website: ['website', 'site', 'сайт', 'официальный сайт', 'адрес сайта'],
  vk_url: [
    'vk url',
    'vk',
    'вк',
    'вконтакте',
    'страница вк',
    'ссылка вк',
    'ссылка на вк',
    'госпаблик',
    'страница вконтакте',
    'ссылка на страницу вк',
  ],
  ok_url: ['ok url', 'ok', 'ок', 'одноклассники', 'страница ок', 'ссылка ок', 'ссылка на ок', 'группа ок'],
  max_url: ['max url', 'max', 'макс', 'канал max', 'канал макс', 'ссылка max', 'ссылка на max'],
};

const aliasIndex = new Map<string, RegistryField>();
for (const field of REGISTRY_FIELDS) for (const alias of HEADER_ALIASES[field]) aliasIndex.set(alias, field);

export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[_\s]+/g, ' ');
}

export type RawRecord = { row: number; values: Partial<Record<RegistryField, string>>; columnCount: number };

export type RegistryFile = {
  file: string;
  /** The header text as written in the file, per field: error messages name the column the user knows. */
  headers: Partial<Record<RegistryField, string>>;
  columnCount: number;
  records: RawRecord[];
};

export class RegistryFileError extends AppError {
  constructor(file: string, key: string, params: Record<string, string | number> = {}) {
    super('INVALID_INPUT_FILE', `${file}: ${key}`, { file, key, params });
  }
}

/** Caps of a read: rows past `maxRows` or cells past `maxColumns` in a row end it with a file error. */
export type ReadLimits = { maxRows: number; maxColumns: number };

/** The command line reads the operator's own files: any number of rows, still streamed. */
export const CLI_READ_LIMITS: ReadLimits = { maxRows: Number.POSITIVE_INFINITY, maxColumns: 200 };

/**
 * Reads the file row by row (XLSX through exceljs's streaming reader, never the whole workbook), keeping only
 * the mapped fields of each row and stopping at the first row past the limits.
 */
export async function readRegistryFile(
  filePath: string,
  limits: ReadLimits = CLI_READ_LIMITS,
  name = path.basename(filePath),
): Promise<RegistryFile> {
  const records: RawRecord[] = [];
  const read = await eachRegistryRecord(filePath, (record) => records.push(record), limits, name);
  return { ...read, records };
}

/**
 * The records of a registry file, each handed to `onRecord` as it is parsed (with the header map read before
 * it), none kept: an import validates while the file is tokenised. Returns what the header said.
 */
export async function eachRegistryRecord(
  filePath: string,
  onRecord: (record: RawRecord, header: HeaderMap) => void,
  limits: ReadLimits = CLI_READ_LIMITS,
  name = path.basename(filePath),
): Promise<Omit<RegistryFile, 'records'>> {
  const file = name;
  let map: HeaderMap | undefined;
  let index = 0;
  let count = 0;
  const onRow = (cells: string[]) => {
    index++;
    if (cells.length > limits.maxColumns && cells.slice(limits.maxColumns).some((c) => c.trim() !== ''))
      throw new RegistryFileError(file, 'too_many_columns', { row: index, max: limits.maxColumns });
    if (!map) {
      map = mapHeaderRow(file, cells);
      return;
    }
    const record = recordOf(cells, index, map.columns);
    if (!record) return;
    if (count >= limits.maxRows) throw new RegistryFileError(file, 'too_many_rows', { max: limits.maxRows });
    count++;
    onRecord(record, map);
  };
  try {
    if (/\.xlsx$/i.test(name) || /\.xlsx$/i.test(filePath)) await eachXlsxRow(filePath, onRow);
    else eachCsvRow(fs.readFileSync(filePath), onRow);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new RegistryFileError(file, 'unreadable', { reason: (error as Error).message });
  }
  if (!map) throw new RegistryFileError(file, 'empty_file');
  return { file, headers: map.headers, columnCount: map.columnCount };
}

export { decodeText, detectDelimiter, eachCsvRow } from '../platform/csv.ts';

/** Any table file (CSV or the first sheet of an XLSX) as a grid of cells, header row first, within `maxRows`. */
export async function readGrid(filePath: string, name: string, maxRows: number): Promise<string[][]> {
  const grid: string[][] = [];
  const onRow = (cells: string[]) => {
    if (grid.length > maxRows) throw new RegistryFileError(name, 'too_many_rows', { max: maxRows });
    grid.push(cells);
  };
  try {
    if (/\.xlsx$/i.test(name)) await eachXlsxRow(filePath, onRow);
    else eachCsvRow(fs.readFileSync(filePath), onRow);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new RegistryFileError(name, 'unreadable', { reason: (error as Error).message });
  }
  if (grid.length === 0) throw new RegistryFileError(name, 'empty_file');
  return grid;
}

export function readCsv(buffer: Buffer): string[][] {
  const grid: string[][] = [];
  eachCsvRow(buffer, (cells) => grid.push(cells));
  return grid;
}

/** The first sheet's rows, streamed: shared strings are kept, styles and hyperlinks are not read at all. */
async function eachXlsxRow(filePath: string, onRow: (cells: string[]) => void): Promise<void> {
  // exceljs is heavy to load; only XLSX files need it.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(filePath, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = Array.isArray(row.values) ? row.values : [];
      const cells: string[] = [];
      // row.values is 1-based and sparse; holes are empty cells.
      for (let col = 1; col < values.length; col++) cells.push(cellText(values[col] as ExcelJS.CellValue));
      if (cells.some((c) => c !== '')) onRow(cells);
    }
    // Only the first sheet is the registry.
    break;
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

export type HeaderMap = {
  columns: (RegistryField | undefined)[];
  headers: Partial<Record<RegistryField, string>>;
  columnCount: number;
};

/** Maps the header row to fields; a header without the required columns is a file error naming them. */
export function mapHeaderRow(file: string, header: string[] | undefined): HeaderMap {
  if (!header || header.every((h) => h.trim() === '')) throw new RegistryFileError(file, 'empty_file');
  const columns: (RegistryField | undefined)[] = header.map((h) => aliasIndex.get(normaliseHeader(h)));
  const headers: Partial<Record<RegistryField, string>> = {};
  header.forEach((h, i) => {
    const field = columns[i];
    if (field && !headers[field]) headers[field] = h.replace(/^\uFEFF/, '').trim();
  });
  const missing = (['full_name', 'kind', 'region_code'] as const).filter((f) => !headers[f]);
  if (!headers.inn && !headers.ogrn) missing.unshift('inn' as never);
  if (missing.length > 0)
    throw new RegistryFileError(file, 'missing_columns', { columns: missing.join(', ') });
  return { columns, headers, columnCount: header.length };
}

/** One data row as a record; null for a blank row. `row` is the row number as a spreadsheet shows it. */
export function recordOf(cells: string[], row: number, columns: HeaderMap['columns']): RawRecord | null {
  if (cells.every((c) => c.trim() === '')) return null;
  const values: Partial<Record<RegistryField, string>> = {};
  cells.forEach((cell, i) => {
    const field = columns[i];
    if (field && values[field] === undefined) values[field] = cell;
  });
  return { row, values, columnCount: cells.length };
}
