// The methodology workshop's rows: forked versions, drafts until published.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { MethodologyWorkshopTable } from '../platform/db-schema.ts';

export type WorkshopRow = Selectable<MethodologyWorkshopTable>;

export async function findWorkshopVersion(db: Db, id: string): Promise<WorkshopRow | undefined> {
  return db.kysely.selectFrom('methodology_workshop').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listWorkshopVersions(db: Db, status?: 'draft' | 'published'): Promise<WorkshopRow[]> {
  let query = db.kysely.selectFrom('methodology_workshop').selectAll();
  if (status) query = query.where('status', '=', status);
  return query.orderBy('id').execute();
}

export async function insertWorkshopVersion(db: Db, row: WorkshopRow): Promise<void> {
  await db.kysely.insertInto('methodology_workshop').values(row).execute();
}

export async function updateWorkshopVersion(
  db: Db,
  id: string,
  change: Partial<
    Pick<WorkshopRow, 'content_json' | 'text_ru' | 'text_en' | 'status' | 'updated_at' | 'published_at'>
  >,
): Promise<void> {
  await db.kysely.updateTable('methodology_workshop').set(change).where('id', '=', id).execute();
}
