// SQL the collector needs beyond the snapshot writes: which pages to visit, what is already stored.
import { sql } from 'kysely';
import { bumpVersion, chunked, type Db } from '../platform/db.ts';
import type { PageStatus } from '../platform/db-schema.ts';
import { setPageStatusFromNetwork } from '../registry/index.ts';

export type CollectTarget = {
  id: number;
  external_id: number | null;
  screen_name: string | null;
  status: string;
};

/** VK pages, those collected longest ago (or never) first. */
export function listCollectTargets(db: Db): Promise<CollectTarget[]> {
  return db.kysely
    .selectFrom('pages')
    .select(['id', 'external_id', 'screen_name', 'status'])
    .where('platform', '=', 'vk')
    .orderBy(sql`case when last_collected_at is null then 0 else 1 end`)
    .orderBy('last_collected_at')
    .orderBy('id')
    .execute();
}

/** Of the given pages, those not collected since `since` (a retried shard skips what it already did). */
export function collectTargetsOf(db: Db, pageIds: number[], since: number): Promise<CollectTarget[]> {
  return db.kysely
    .selectFrom('pages')
    .select(['id', 'external_id', 'screen_name', 'status'])
    .where('platform', '=', 'vk')
    .where('id', 'in', pageIds.length ? pageIds : [0])
    .where((eb) => eb.or([eb('last_collected_at', 'is', null), eb('last_collected_at', '<', since)]))
    .orderBy('id')
    .execute();
}

/** The newest stored post of each page, to stop paging a wall where the last collection stopped. */
export async function newestPostIds(db: Db, pageIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const chunk of chunked(pageIds, 500)) {
    const rows = await db.kysely
      .selectFrom('posts')
      .select(['page_id', (eb) => eb.fn.max('vk_id').as('newest')])
      .where('page_id', 'in', chunk)
      .where('is_pinned', '=', 0)
      .groupBy('page_id')
      .execute();
    for (const r of rows) out.set(r.page_id, Number(r.newest));
  }
  return out;
}

/** Stored comments per post of one page (deleted ones included, as VK counts only visible ones). */
export async function storedCommentCounts(db: Db, pageId: number): Promise<Map<number, number>> {
  const rows = await db.kysely
    .selectFrom('comments')
    .select(['post_vk_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('page_id', '=', pageId)
    .where('is_deleted', '=', 0)
    .groupBy('post_vk_id')
    .execute();
  return new Map(rows.map((r) => [r.post_vk_id, Number(r.n)]));
}

export async function setPageStatus(db: Db, pageId: number, status: PageStatus, at: number): Promise<void> {
  await setPageStatusFromNetwork(db, pageId, status, at);
  await bumpVersion(db, 'collection');
}
