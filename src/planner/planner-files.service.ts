// The planner's files on disk: an upload is streamed into the files directory within the per-file limit, its
// type is read from its bytes, the page's quota is checked, and only then is it kept under a random name. Files
// no draft refers to are removed after a grace period by a scheduled clean-up.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stripControlCharacters } from '../platform/controls.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { formatBytes, type ReceivedFile, tooLarge } from '../platform/http/upload.ts';
import { type DraftContent, filesOf } from './draft-content.ts';
import { claimMatches, sniffType } from './file-sniff.ts';
import {
  bytesOfPage,
  deleteFiles,
  draftContentsOfPages,
  filesMadeBefore,
  insertStoredFile,
  storedFile,
} from './planner-files.repo.ts';

const MiB = 1024 * 1024;

export const FILE_LIMITS = {
  /** A photo: VK takes up to 50 MB; a phone's photo is a few, so 20 MiB leaves room and bounds publishing. */
  image: 20 * MiB,
  /** A video or clip: the documented upload ceiling; the publisher sends it to VK in one request. */
  video: 64 * MiB,
  /** All files of one page together; unused files are cleaned up, so this bounds what is planned at once. */
  page: 1024 * MiB,
} as const;

/** A file no draft refers to is removed once it is this old: time to attach it to the draft being written. */
export const UNUSED_FILE_GRACE_SECONDS = 2 * 86_400;

/** Where the files are: `planner/<page>/<random>` under the configured directory, uploads landing in `incoming`. */
export class FileStore {
  constructor(readonly dir: string) {}

  incoming(): string {
    const dir = path.join(this.dir, 'incoming');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  /** The path of a key; a key that would leave the directory (never written by us) is refused. */
  pathOf(key: string): string {
    const root = path.resolve(this.dir);
    const full = path.resolve(root, key);
    if (!full.startsWith(root + path.sep)) throw new Error(`file key ${key} is outside the files directory`);
    return full;
  }

  newKey(pageId: number): string {
    return `planner/${pageId}/${crypto.randomUUID()}`;
  }
}

/** A display name: no directories, no control or direction characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  return stripControlCharacters(base).slice(0, 200) || 'file';
}

/** Keeps an uploaded file for a page's drafts, or refuses it (415 for a type that is not what its bytes are). */
export async function keepFile(
  db: Db,
  store: FileStore,
  upload: ReceivedFile,
  owner: { pageId: number; by: number | null; at: number },
): Promise<{ id: number; name: string; size: number; mime: string }> {
  try {
    if (upload.size === 0) throw new AppError('VALIDATION', 'body.file: the file is empty');
    const head = Buffer.alloc(16);
    const fd = fs.openSync(upload.path, 'r');
    try {
      fs.readSync(fd, head, 0, 16, 0);
    } finally {
      fs.closeSync(fd);
    }
    const type = sniffType(head);
    if (!type)
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'body.file: not a PNG, JPEG, GIF or WebP photo, nor an MP4, MOV or WebM video',
        [{ path: 'body.file', message: 'unsupported type' }],
      );
    if (!claimMatches(upload.mimetype, type))
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `body.file: sent as ${upload.mimetype}, but the bytes are ${type.mime}`,
        [{ path: 'body.file', message: `expected ${type.mime}` }],
      );
    if (upload.size > FILE_LIMITS[type.kind]) throw tooLarge(FILE_LIMITS[type.kind]);
    const used = await bytesOfPage(db, owner.pageId);
    if (used + upload.size > FILE_LIMITS.page)
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `body.file: the page's files would exceed ${formatBytes(FILE_LIMITS.page)} (${formatBytes(used)} used); delete drafts' unused files or wait for the clean-up`,
        [{ path: 'body.file', message: 'page quota exceeded' }],
      );
    const key = store.newKey(owner.pageId);
    const target = store.pathOf(key);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.renameSync(upload.path, target);
    const name = safeFileName(upload.filename);
    try {
      const { id } = await insertStoredFile(db, {
        pageId: owner.pageId,
        name,
        mime: type.mime,
        size: upload.size,
        key,
        by: owner.by,
        at: owner.at,
      });
      return { id, name, size: upload.size, mime: type.mime };
    } catch (error) {
      fs.rmSync(target, { force: true });
      throw error;
    }
  } finally {
    upload.discard();
  }
}

/** A file's bytes, from disk or (stored before 0016d) from the database; null when the file is gone. */
export async function fileBytes(
  db: Db,
  store: FileStore | undefined,
  id: number,
): Promise<{ name: string; mime: string; data: Buffer } | null> {
  const row = await storedFile(db, id);
  if (!row) return null;
  if (row.storage_key === null) return { name: row.name, mime: row.mime, data: Buffer.from(row.data) };
  if (!store) throw new Error(`file ${id} is on disk, but no files directory was given`);
  try {
    return {
      name: row.name,
      mime: row.mime,
      data: await fs.promises.readFile(store.pathOf(row.storage_key)),
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes files older than the grace period that no draft of their page refers to (rows, then bytes), and
 * uploads abandoned half-way in `incoming`. Returns how many files went.
 */
export async function cleanUnusedFiles(
  db: Db,
  store: FileStore,
  now: number,
  graceSeconds = UNUSED_FILE_GRACE_SECONDS,
): Promise<number> {
  const cutoff = now - graceSeconds;
  const old = await filesMadeBefore(db, cutoff);
  const pages = [...new Set(old.map((f) => f.page_id))];
  const used = new Set<number>();
  for (const draft of await draftContentsOfPages(db, pages))
    for (const id of filesOf(JSON.parse(draft.content_json) as DraftContent)) used.add(id);
  const unused = old.filter((f) => !used.has(f.id));
  await deleteFiles(
    db,
    unused.map((f) => f.id),
  );
  for (const file of unused) if (file.storage_key) fs.rmSync(store.pathOf(file.storage_key), { force: true });
  const incoming = path.join(store.dir, 'incoming');
  if (fs.existsSync(incoming))
    for (const entry of fs.readdirSync(incoming)) {
      const full = path.join(incoming, entry);
      if (fs.statSync(full).mtimeMs / 1000 < cutoff) fs.rmSync(full, { recursive: true, force: true });
    }
  return unused.length;
}
