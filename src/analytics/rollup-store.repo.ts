// Reads of the pre-computed roll-ups: a run's figures per unit (written when the audit closed the run) and the
// registry's counts per unit (recomputed once after the registry changed, on the first read that sees the
// change). Each read is a handful of rows found by primary key, on both dialects.
import { sql } from 'kysely';
import { computeUnitRollups, writeUnitRollups } from '../audit/index.ts';
import { type Db, inTransaction, writeRows } from '../platform/db.ts';
import type { RegistryUnitCountTable } from '../platform/db-schema.ts';
import type { GroupBy } from './analytics.repo.ts';

/** Which units of a kind to read: all, or those of one region (`none`: a filter nothing can match). */
export type UnitSelection = { regionKey?: string | undefined; none?: boolean };

export type StoredRunUnit = {
  key: string;
  audited: number;
  totalSum: number;
  covered: number;
  levels: Record<string, number>;
};

function runRows(db: Db, runId: number, by: GroupBy, units: UnitSelection) {
  return db.kysely
    .selectFrom('audit_unit_rollups')
    .select(['unit_kind', 'unit_key', 'audited', 'total_sum', 'covered', 'levels_json'])
    .where('run_id', '=', runId)
    .where((eb) => {
      let wanted = eb('unit_kind', '=', by);
      if (units.regionKey !== undefined) wanted = eb.and([wanted, eb('region_key', '=', units.regionKey)]);
      return units.none ? eb('unit_kind', '=', 'country') : eb.or([eb('unit_kind', '=', 'country'), wanted]);
    })
    .execute();
}

/** A run's figures per unit; a run closed before roll-ups existed gets them written on its first read. */
export async function storedRunUnits(
  db: Db,
  runId: number,
  by: GroupBy,
  units: UnitSelection,
): Promise<StoredRunUnit[]> {
  let rows = await runRows(db, runId, by, units);
  if (!rows.some((r) => r.unit_kind === 'country')) {
    const computed = await computeUnitRollups(db, runId);
    await within(db, (tx) => writeUnitRollups(tx, runId, computed));
    rows = await runRows(db, runId, by, units);
  }
  return rows
    .filter((r) => r.unit_kind === by)
    .map((r) => ({
      key: r.unit_key,
      audited: Number(r.audited),
      totalSum: Number(r.total_sum),
      covered: Number(r.covered),
      levels: JSON.parse(r.levels_json) as Record<string, number>,
    }));
}

/** `work` in a transaction: the caller's when it is in one, else a new one. */
function within(db: Db, work: (tx: Db) => Promise<void>): Promise<void> {
  return db.bumps ? work(db) : inTransaction(db, work);
}

/** What the registry counts were computed from: its version and the newest institution and page. */
async function registryStamp(db: Db): Promise<{ now: string; stored: string | null }> {
  const { rows } = await sql<{ v: number; mi: number | null; mp: number | null; s: string | null }>`
    select (select version from data_version where id = 1) as v,
           (select max(id) from institutions) as mi,
           (select max(id) from pages) as mp,
           (select stamp from registry_unit_counts
             where unit_kind = 'country' and region_key = '' and unit_key = '') as s`.execute(db.kysely);
  const row = rows[0];
  return { now: `${Number(row?.v ?? 0)}:${row?.mi ?? 0}:${row?.mp ?? 0}`, stored: row?.s ?? null };
}

/** One recomputation per database and stamp in this process, however many requests see it stale at once. */
const refreshing = new Map<string, Promise<void>>();

async function refreshRegistryCounts(db: Db, stamp: string): Promise<void> {
  const grouped = await db.kysely
    .selectFrom('institutions')
    .select((eb) => [
      'institutions.region_code',
      'institutions.municipality_id',
      eb.fn.countAll<number>().as('institutions'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.exists(
                eb
                  .selectFrom('pages')
                  .select('pages.id')
                  .whereRef('pages.institution_id', '=', 'institutions.id'),
              ),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('with_page'),
    ])
    .groupBy(['institutions.region_code', 'institutions.municipality_id'])
    .execute();
  const rows = new Map<string, RegistryUnitCountTable>();
  const add = (kind: RegistryUnitCountTable['unit_kind'], regionKey: string, unitKey: string) => {
    const id = `${kind}\u0000${regionKey}\u0000${unitKey}`;
    let row = rows.get(id);
    if (!row) {
      row = {
        unit_kind: kind,
        region_key: regionKey,
        unit_key: unitKey,
        institutions: 0,
        with_page: 0,
        stamp,
      };
      rows.set(id, row);
    }
    return row;
  };
  add('country', '', '');
  for (const g of grouped) {
    const regionKey = g.region_code ?? '-';
    const municipalityKey = g.municipality_id === null ? '-' : String(g.municipality_id);
    for (const row of [
      add('country', '', ''),
      add('region', regionKey, regionKey),
      add('municipality', regionKey, municipalityKey),
    ]) {
      row.institutions += Number(g.institutions);
      row.with_page += Number(g.with_page ?? 0);
    }
  }
  await within(db, async (tx) => {
    await tx.kysely.deleteFrom('registry_unit_counts').execute();
    await writeRows(
      tx,
      [...rows.values()],
      (values) =>
        tx.kysely
          .insertInto('registry_unit_counts')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['unit_kind', 'region_key', 'unit_key']).doUpdateSet((eb) => ({
              institutions: eb.ref('excluded.institutions'),
              with_page: eb.ref('excluded.with_page'),
              stamp: eb.ref('excluded.stamp'),
            })),
          ),
      500,
    );
  });
}

/** The registry's counts per unit of a kind, recomputed first when the registry changed since they were. */
export async function storedRegistryUnits(db: Db, by: GroupBy, units: UnitSelection) {
  const stamp = await registryStamp(db);
  if (stamp.stored !== stamp.now) {
    const id = `${db.url}\u0000${stamp.now}`;
    let pending = refreshing.get(id);
    if (!pending) {
      pending = refreshRegistryCounts(db, stamp.now).finally(() => refreshing.delete(id));
      refreshing.set(id, pending);
    }
    await pending;
  }
  if (units.none) return [];
  let query = db.kysely
    .selectFrom('registry_unit_counts')
    .select(['unit_key', 'institutions', 'with_page'])
    .where('unit_kind', '=', by);
  if (units.regionKey !== undefined) query = query.where('region_key', '=', units.regionKey);
  return (await query.execute()).map((r) => ({
    key: r.unit_key,
    institutions: Number(r.institutions),
    withPage: Number(r.with_page),
  }));
}
