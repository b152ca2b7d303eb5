// What the collectors learn about a page and store on the registry's row: the status the network reported,
// the id it resolved, when the page was last collected. The collectors call these; only registry writes pages.
import { chunked, type Db } from '../platform/db.ts';
import type { PageStatus } from '../platform/db-schema.ts';

/** The status the network reported (closed, deleted…). */
export async function setPageStatusFromNetwork(
  db: Db,
  pageId: number,
  status: PageStatus,
  at: number,
): Promise<void> {
  await db.kysely.updateTable('pages').set({ status, updated_at: at }).where('id', '=', pageId).execute();
}

/** When the pages were last collected. */
export async function setPagesCollectedAt(db: Db, pageIds: number[], at: number): Promise<void> {
  for (const chunk of chunked(pageIds, 500)) {
    await db.kysely.updateTable('pages').set({ last_collected_at: at }).where('id', 'in', chunk).execute();
  }
}

/** An OK or MAX page after a collection: its status, the id the network resolved, when it was collected. */
export async function markNetworkPage(
  db: Db,
  pageId: number,
  change: { status: PageStatus; externalId?: number | null; collectedAt: number },
): Promise<void> {
  await db.kysely
    .updateTable('pages')
    .set({
      status: change.status,
      last_collected_at: change.collectedAt,
      updated_at: change.collectedAt,
      ...(change.externalId ? { external_id: change.externalId } : {}),
    })
    .where('id', '=', pageId)
    .execute();
}
