// Streaming a table as CSV or XLSX: rows arrive in batches and leave as they come, so a 100,000-row export
// holds one batch in memory, not the table. CSV: UTF-8 with BOM, `;` (decimal commas) or `,` (points). XLSX (exceljs's streaming writer):
// typed cells, a frozen header with filters, column widths.
import { PassThrough, type Readable } from 'node:stream';
import { BOM, exportLine } from '../platform/csv.ts';

export type Cell = string | number | boolean | null;
export type Column = { key: string; title: string; width: number };
export type TableFormat = 'csv' | 'xlsx';

export function exportTable(
  columns: Column[],
  batches: AsyncIterable<Cell[][]>,
  options: { format: TableFormat; delimiter?: ';' | ','; sheet?: string },
): Readable {
  const out = new PassThrough();
  const write = options.format === 'csv' ? writeCsv : writeXlsx;
  write(columns, batches, out, options).catch((error: unknown) => out.destroy(error as Error));
  return out;
}

async function writeCsv(
  columns: Column[],
  batches: AsyncIterable<Cell[][]>,
  out: PassThrough,
  options: { delimiter?: ';' | ',' },
): Promise<void> {
  const delimiter = options.delimiter ?? ';';
  // A `;`-separated file is for Excel in a Russian (or other comma-decimal) locale, which reads "0.75" as text:
  // its fractions get a decimal comma, so they stay numbers there. Integers look the same either way.
  const decimal = (n: number) => (delimiter === ';' ? String(n).replace('.', ',') : n);
  const line = (cells: Cell[]) =>
    exportLine(
      cells.map((c) => (typeof c === 'boolean' ? (c ? 1 : 0) : typeof c === 'number' ? decimal(c) : c)),
      delimiter,
    );
  await send(out, `${BOM}${line(columns.map((c) => c.title))}\r\n`);
  for await (const rows of batches) await send(out, rows.map((r) => `${line(r)}\r\n`).join(''));
  out.end();
}

async function writeXlsx(
  columns: Column[],
  batches: AsyncIterable<Cell[][]>,
  out: PassThrough,
  options: { sheet?: string },
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = book.addWorksheet(options.sheet ?? 'Publica', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.title, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.getRow(1).commit();
  let written = 0;
  for await (const rows of batches)
    for (const cells of rows) {
      sheet.addRow(cells).commit();
      if (++written % 200 === 0) await caughtUp(sheet, out);
    }
  sheet.commit();
  await book.commit();
}

/** The sheet XML written but not yet taken by the compressor (a stream archiver puts in front of it). */
function unzipped(sheet: unknown): number {
  // exceljs 4.4 pipes the sheet into that stream without backpressure, so rows pile up there as fast as they
  // are made; its buffered length is the only measure of it (0 if a later exceljs changes this).
  const through = (sheet as { stream?: { pipes?: { _readableState?: { length?: number } }[] } }).stream
    ?.pipes?.[0];
  return through?._readableState?.length ?? 0;
}

/**
 * Waits until the compressor has taken what the sheet wrote (under 1 MiB left) and the client has taken what
 * the compressor made: memory stays one batch, not the file.
 */
async function caughtUp(sheet: unknown, out: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (unzipped(sheet) > 1 << 20) await new Promise((resolve) => setTimeout(resolve, 2));
  if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
}

/**
 * Writes with backpressure: waits for the reader when its buffer is full; fails when the reader is gone (a
 * client that disconnected), so the rows' source is closed rather than left waiting.
 */
function send(out: PassThrough, chunk: string): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('the export stream was closed'));
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const drained = () => {
      out.off('close', closed);
      resolve();
    };
    const closed = () => {
      out.off('drain', drained);
      reject(new Error('the export stream was closed'));
    };
    out.once('drain', drained);
    out.once('close', closed);
  });
}
