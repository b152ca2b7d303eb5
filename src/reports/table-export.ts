// Streaming a table as CSV or XLSX: rows arrive in batches and leave as they come, so a 100,000-row export
// holds one batch in memory, not the table. CSV: UTF-8 with BOM, `;` or `,`. XLSX (exceljs's streaming writer):
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
  const line = (cells: Cell[]) =>
    exportLine(
      cells.map((c) => (typeof c === 'boolean' ? (c ? 1 : 0) : c)),
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
      // exceljs buffers rows until zlib takes them: let the compressor and the socket catch up now and then.
      if (++written % 1000 === 0) await drained(out);
    }
  sheet.commit();
  await book.commit();
}

/** Resolves once the output is no longer over its buffer limit (the next turn of the event loop at least). */
async function drained(out: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
}

/** Writes with backpressure: waits for the reader when its buffer is full. */
function send(out: PassThrough, chunk: string): Promise<void> {
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => out.once('drain', () => resolve()));
}
