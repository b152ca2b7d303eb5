// Receives the one file of a multipart upload straight to disk, within the route's own byte limit: a request
// over the limit is a 413 naming the limit (never a 500, never a buffer of the whole body in memory).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const MiB = 1024 * 1024;

/** Per-route limits of uploaded files; the global multipart limit in server.ts is only the ceiling above them. */
export const UPLOAD_LIMITS = {
  /**
   * A region's registry (a few thousand rows) is 1–3 MiB as CSV, far less as XLSX; 10,000 rows of long names
   * and addresses fit. The whole country's registry is imported with `publica import registry`.
   */
  registry: 8 * MiB,
  /** A seminar's attendance list: one INN a line, a few thousand lines at most. */
  attendance: 1 * MiB,
} as const;

/** Room for the multipart framing around the file in the Content-Length check. */
const FRAMING_BYTES = 64 * 1024;

export type ReceivedFile = {
  /** Where the bytes are; the caller moves or removes it (`discard`). */
  path: string;
  /** The name the client gave, without any directory part, at most 200 characters. */
  filename: string;
  mimetype: string;
  size: number;
  discard(): void;
};

export function tooLarge(maxBytes: number, field = 'body.file'): AppError {
  const limit = `${formatBytes(maxBytes)}`;
  return new AppError('PAYLOAD_TOO_LARGE', `${field}: the file is larger than ${limit}`, [
    { path: field, message: `at most ${limit}` },
  ]);
}

export function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${+(bytes / MiB).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Streams the multipart field `file` into `dir` (a fresh temporary directory unless given). A declared body
 * larger than the limit is refused before a byte is read; a body that turns out larger stops at the limit.
 */
export async function receiveFile(
  request: FastifyRequest,
  options: { maxBytes: number; dir?: string; missing?: string },
): Promise<ReceivedFile> {
  const missing = options.missing ?? 'send the file as multipart/form-data with a "file" field';
  if (!request.isMultipart())
    throw new AppError('VALIDATION', missing, [{ path: 'body.file', message: 'required' }]);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes + FRAMING_BYTES)
    throw tooLarge(options.maxBytes);
  const part = await request.file({
    limits: { fileSize: options.maxBytes, files: 1, fields: 8, parts: 9 },
    throwFileSizeLimit: false,
  });
  if (part?.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError('VALIDATION', missing, [{ path: 'body.file', message: 'required' }]);
  }
  const own = options.dir === undefined;
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'publica-upload-'));
  const target = path.join(dir, `.upload-${crypto.randomUUID()}`);
  const discard = () => {
    fs.rmSync(own ? dir : target, { recursive: true, force: true });
  };
  try {
    await pipeline(part.file, fs.createWriteStream(target, { mode: 0o600 }));
  } catch (error) {
    discard();
    throw error;
  }
  if (part.file.truncated) {
    discard();
    throw tooLarge(options.maxBytes);
  }
  return {
    path: target,
    filename: path.basename(part.filename.replace(/\\/g, '/')).slice(0, 200),
    mimetype: part.mimetype,
    size: fs.statSync(target).size,
    discard,
  };
}
