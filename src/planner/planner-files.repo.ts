// SQL of the planner's files: their rows (the bytes are on disk, or in `data` for files stored before 0016d),
// a page's total for its quota, and what the clean-up needs: old files and the drafts that may refer to them.
import type { Db } from '../platform/db.ts';

export function insertStoredFile(
  db: Db,
  row: {
    pageId: number;
    name: string;
    mime: string;
    size: number;
    key: string;
    by: number | null;
    at: number;
  },
) {
  return db.kysely
    .insertInto('planner_files')
    .values({
      page_id: row.pageId,
      name: row.name,
      mime: row.mime,
      size: row.size,
      // The bytes are on disk under storage_key; the column stays for files stored before.
      data: Buffer.alloc(0),
      storage_key: row.key,
      created_by: row.by,
      created_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function bytesOfPage(db: Db, pageId: number): Promise<number> {
  const row = await db.kysely
    .selectFrom('planner_files')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('size'), eb.lit(0)).as('total'))
    .where('page_id', '=', pageId)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** A file with where its bytes are: `storage_key` on disk, else `data`. */
export function storedFile(db: Db, id: number) {
  return db.kysely
    .selectFrom('planner_files')
    .select(['name', 'mime', 'data', 'storage_key'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Files made before `cutoff`: the clean-up's candidates. */
export function filesMadeBefore(db: Db, cutoff: number) {
  return db.kysely
    .selectFrom('planner_files')
    .select(['id', 'page_id', 'storage_key'])
    .where('created_at', '<', cutoff)
    .orderBy('id')
    .execute();
}

/** The content of every draft of these pages (a draft refers to files of its own page only). */
export function draftContentsOfPages(db: Db, pageIds: number[]) {
  if (pageIds.length === 0) return Promise.resolve([]);
  return db.kysely
    .selectFrom('planner_drafts')
    .select(['content_json'])
    .where('page_id', 'in', pageIds)
    .execute();
}

export async function deleteFiles(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.kysely.deleteFrom('planner_files').where('id', 'in', ids).execute();
}
