// Reads an uploaded attendance list in a worker thread: the INN column of each row, at most MAX_ROWS rows,
// so a huge or hostile list costs the thread's bounded heap and none of the event loop's time.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { eachCsvRow } from '../platform/csv.ts';
import { AppError } from '../platform/errors.ts';
import { errorMessage } from '../platform/threads.ts';

export type AttendanceInput = { path?: string; data?: Uint8Array; maxRows: number };
export type AttendanceLine = { line: number; inn: string };

const INN = /^\d{10}(\d{2})?$/;

export function attendanceLines(buffer: Buffer, maxRows: number): AttendanceLine[] {
  const lines: AttendanceLine[] = [];
  let column = 0;
  let index = 0;
  eachCsvRow(buffer, (cells) => {
    index++;
    if (index === 1) {
      // A header names the INN column; without one, INNs are in the first column from the first line.
      const headed = cells.findIndex((h) => ['инн', 'inn'].includes(h.trim().toLowerCase()));
      column = Math.max(headed, 0);
      if (headed >= 0 || !INN.test((cells[0] ?? '').trim())) return;
    }
    if (lines.length >= maxRows)
      throw new AppError('VALIDATION', `file: more than ${maxRows} rows; send at most ${maxRows}`, [
        { path: 'file', message: `at most ${maxRows} rows` },
      ]);
    // Only the INN is kept, cut to a length that can still be shown in a message.
    lines.push({ line: index, inn: (cells[column] ?? '').trim().slice(0, 40) });
  });
  return lines;
}

const port = parentPort;
if (port) {
  const input = (workerData as { input: AttendanceInput }).input;
  try {
    const buffer = input.path ? fs.readFileSync(input.path) : Buffer.from(input.data ?? new Uint8Array());
    port.postMessage({ type: 'done', result: attendanceLines(buffer, input.maxRows) });
  } catch (error) {
    port.postMessage(errorMessage(error));
  }
}
