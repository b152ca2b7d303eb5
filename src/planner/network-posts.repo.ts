// SQL of a draft's publications on OK and MAX: one row per draft and network, created once, moved on with the
// status the caller saw.
import type { Db } from '../platform/db.ts';
import type { PlannerNetworkPostTable } from '../platform/db-schema.ts';

export type NetworkPostRow = Omit<PlannerNetworkPostTable, 'id' | 'attempts'> & {
  id: number;
  attempts: number;
};

/** The draft's institution's OK and MAX pages (a page Publica has found, with its id on the network). */
export async function networkPagesOfDraft(db: Db, draftId: number) {
  return db.kysely
    .selectFrom('planner_drafts')
    .innerJoin('pages as vk', 'vk.id', 'planner_drafts.page_id')
    .innerJoin('pages', 'pages.institution_id', 'vk.institution_id')
    .select(['pages.id', 'pages.platform', 'pages.external_id', 'pages.status'])
    .where('planner_drafts.id', '=', draftId)
    .where('pages.platform', 'in', ['ok', 'max'])
    .orderBy('pages.id')
    .execute();
}

export async function ensureNetworkPosts(
  db: Db,
  draftId: number,
  pages: { id: number; network: 'ok' | 'max' }[],
  at: number,
): Promise<void> {
  for (const p of pages)
    await db.kysely
      .insertInto('planner_network_posts')
      .values({ draft_id: draftId, network: p.network, page_id: p.id, status: 'pending', updated_at: at })
      .onConflict((oc) => oc.columns(['draft_id', 'network']).doNothing())
      .execute();
}

export async function listNetworkPosts(db: Db, draftId: number): Promise<NetworkPostRow[]> {
  const rows = await db.kysely
    .selectFrom('planner_network_posts')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('network')
    .execute();
  return rows.map((r) => ({
    ...r,
    attempts: Number(r.attempts),
    sent_at: r.sent_at === null ? null : Number(r.sent_at),
    updated_at: Number(r.updated_at),
  }));
}

/** Moves a row on only from the status the caller read; false when another worker moved it first. */
export async function updateNetworkPost(
  db: Db,
  id: number,
  from: NetworkPostRow['status'],
  change: Partial<Pick<NetworkPostRow, 'status' | 'sent_at' | 'external_id' | 'last_error' | 'attempts'>> & {
    updated_at: number;
  },
): Promise<boolean> {
  const r = await db.kysely
    .updateTable('planner_network_posts')
    .set(change)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Drafts whose time has come (within `since`…`now`) and that still owe a post to an OK group or MAX channel of
 * their institution: a page there with no row yet, or a row neither published nor failed. VK's own outcome
 * does not hold them back: a draft VK refused still goes to the other networks. `networks`: those Publica can
 * post to (a network without its keys owes nothing).
 */
export function draftsDueOnNetworks(
  db: Db,
  networks: ('ok' | 'max')[],
  window: { now: number; since: number; limit: number },
) {
  const { now, since, limit } = window;
  return db.kysely
    .selectFrom('planner_drafts as d')
    .innerJoin('pages as vk', 'vk.id', 'd.page_id')
    .select('d.id')
    .where('d.status', 'in', ['scheduled', 'publishing', 'published', 'failed'])
    .where('d.planned_at', '<=', now)
    .where('d.planned_at', '>', since)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('pages as p')
          .select('p.id')
          .whereRef('p.institution_id', '=', 'vk.institution_id')
          .where('p.platform', 'in', networks)
          .where('p.status', '=', 'active')
          .where('p.external_id', 'is not', null)
          .where(({ not, exists: ex, selectFrom: from }) =>
            not(
              ex(
                from('planner_network_posts as n')
                  .select('n.id')
                  .whereRef('n.draft_id', '=', 'd.id')
                  .whereRef('n.network', '=', 'p.platform')
                  .where('n.status', 'in', ['published', 'failed']),
              ),
            ),
          ),
      ),
    )
    .orderBy('d.planned_at')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}
