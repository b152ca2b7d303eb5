// SQL of escalation: each region's setting, the moves of unanswered questions to the municipality's and the
// region's queues (one row per item and level, kept after an answer), and the escalated items a scope sees.
import type { Db } from '../platform/db.ts';
import { COUNTRY, type Scope } from '../platform/scope.ts';
import { selectInPieces } from '../platform/select-in-pieces.ts';
import { selectPagesInScope } from '../registry/index.ts';
import type { EscalationLevel, EscalationSettings } from './escalation.ts';

export type ItemKind = 'comment' | 'message';
export type EscalationMove = {
  kind: ItemKind;
  itemId: number;
  pageId: number;
  level: Exclude<EscalationLevel, 'page'>;
  movedAt: number;
};

export async function escalationSettingsByRegion(db: Db): Promise<Map<string, EscalationSettings>> {
  const rows = await db.kysely.selectFrom('escalation_settings').selectAll().execute();
  return new Map(
    rows.map((r) => [
      r.region_code,
      {
        toMunicipalityAfterHours: Number(r.to_municipality_after_hours),
        toRegionAfterHours: Number(r.to_region_after_hours),
      },
    ]),
  );
}

export async function saveEscalationSettings(
  db: Db,
  row: { regionCode: string; settings: EscalationSettings; by: number | null; at: number },
): Promise<void> {
  const values = {
    to_municipality_after_hours: row.settings.toMunicipalityAfterHours,
    to_region_after_hours: row.settings.toRegionAfterHours,
    updated_by: row.by,
    updated_at: row.at,
  };
  await db.kysely
    .insertInto('escalation_settings')
    .values({ region_code: row.regionCode, ...values })
    .onConflict((oc) => oc.column('region_code').doUpdateSet(values))
    .execute();
}

/** Records moves not yet recorded; returns how many were new (a second pass records none). */
export async function recordEscalations(db: Db, moves: EscalationMove[], now: number): Promise<number> {
  let added = 0;
  for (const m of moves) {
    const result = await db.kysely
      .insertInto('inbox_escalations')
      .values({
        item_kind: m.kind,
        item_id: m.itemId,
        page_id: m.pageId,
        level: m.level,
        moved_at: m.movedAt,
        recorded_at: now,
      })
      .onConflict((oc) => oc.columns(['item_kind', 'item_id', 'level']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** The recorded moves of these items, oldest first. */
export function escalationsOf(db: Db, kind: ItemKind, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectInPieces(ids, (piece) =>
    db.kysely
      .selectFrom('inbox_escalations')
      .select(['item_id', 'level', 'moved_at'])
      .where('item_kind', '=', kind)
      .where('item_id', 'in', piece)
      .orderBy('moved_at')
      .execute(),
  ).then((rows) => rows.sort((a, b) => Number(a.moved_at) - Number(b.moved_at)));
}

/** The items of pages in scope that reached one of these levels. */
export async function escalatedItemsInScope(
  db: Db,
  scope: Scope,
  levels: Exclude<EscalationLevel, 'page'>[],
): Promise<{ comment: Set<number>; message: Set<number> }> {
  const rows = await selectPagesInScope(db, scope)
    .innerJoin('inbox_escalations', 'inbox_escalations.page_id', 'pages.id')
    .select(['inbox_escalations.item_kind', 'inbox_escalations.item_id'])
    .where('inbox_escalations.level', 'in', levels)
    .execute();
  const out = { comment: new Set<number>(), message: new Set<number>() };
  for (const r of rows) out[r.item_kind].add(r.item_id);
  return out;
}

/** Where each page sits: its region (for the setting and calendar) and the region's time zone. */
export function pagePlacements(db: Db, pageIds: number[]) {
  if (pageIds.length === 0) return Promise.resolve([]);
  return selectInPieces(pageIds, (piece) =>
    selectPagesInScope(db, COUNTRY)
      .leftJoin('regions', 'regions.code', 'institutions.region_code')
      .select(['pages.id', 'institutions.region_code', 'regions.timezone'])
      .where('pages.id', 'in', piece)
      .execute(),
  );
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('regions')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}
