// Roll-ups computed once per audit run: per unit (the country, each region, each municipality within its
// region) the pages judged, counts by level, the sum of totals and the institutions covered. Written in the
// transaction that records the run's statistics; a dashboard then reads a few rows by primary key.
import type { Db } from '../platform/db.ts';
import { writeRows } from '../platform/db.ts';
import type { AuditUnitRollupTable } from '../platform/db-schema.ts';

type Row = AuditUnitRollupTable;

/** The run's results grouped once by region, municipality and level; every coarser unit is a sum of these. */
export async function computeUnitRollups(db: Db, runId: number): Promise<Row[]> {
  const [levels, covered] = await Promise.all([
    db.kysely
      .selectFrom('audit_page_results')
      .select((eb) => [
        'region_code',
        'municipality_id',
        'level',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('total').as('total_sum'),
      ])
      .where('run_id', '=', runId)
      .groupBy(['region_code', 'municipality_id', 'level'])
      .execute(),
    db.kysely
      .selectFrom('audit_page_results')
      .select((eb) => [
        'region_code',
        'municipality_id',
        eb.fn.count<number>('institution_id').distinct().as('covered'),
      ])
      .where('run_id', '=', runId)
      .where('verified', '=', 1)
      .where('institution_id', 'is not', null)
      .groupBy(['region_code', 'municipality_id'])
      .execute(),
  ]);
  const rows = new Map<string, Row & { levels: Record<string, number> }>();
  const unitsOf = (region: string | null, municipality: number | null) => {
    const regionKey = region ?? '-';
    return [
      { kind: 'country' as const, regionKey: '', unitKey: '' },
      { kind: 'region' as const, regionKey, unitKey: regionKey },
      {
        kind: 'municipality' as const,
        regionKey,
        unitKey: municipality === null ? '-' : String(municipality),
      },
    ].map(({ kind, regionKey: rk, unitKey }) => {
      const id = `${kind}\u0000${rk}\u0000${unitKey}`;
      let row = rows.get(id);
      if (!row) {
        row = {
          run_id: runId,
          unit_kind: kind,
          region_key: rk,
          unit_key: unitKey,
          audited: 0,
          total_sum: 0,
          covered: 0,
          levels_json: '',
          levels: {},
        };
        rows.set(id, row);
      }
      return row;
    });
  };
  // The country row is there even for an empty run: it marks the run as rolled up.
  unitsOf(null, null);
  rows.delete('region\u0000-\u0000-');
  rows.delete('municipality\u0000-\u0000-');
  for (const l of levels)
    for (const row of unitsOf(l.region_code, l.municipality_id)) {
      const n = Number(l.n);
      row.audited += n;
      row.total_sum += Number(l.total_sum ?? 0);
      row.levels[l.level] = (row.levels[l.level] ?? 0) + n;
    }
  for (const c of covered)
    for (const row of unitsOf(c.region_code, c.municipality_id)) row.covered += Number(c.covered);
  return [...rows.values()].map(({ levels: counts, ...row }) => ({
    ...row,
    levels_json: JSON.stringify(counts),
  }));
}

/**
 * Writes (or rewrites) a run's roll-ups; call inside the transaction that closes the run. `rows` computed
 * beforehand keep a transaction write-only (on SQLite a transaction that reads first cannot become a writer
 * once another connection has written).
 */
export async function writeUnitRollups(db: Db, runId: number, computed?: Row[]): Promise<void> {
  const rows = computed ?? (await computeUnitRollups(db, runId));
  await db.kysely.deleteFrom('audit_unit_rollups').where('run_id', '=', runId).execute();
  // An upsert: two processes filling in an older run's roll-ups at once both succeed.
  await writeRows(
    db,
    rows,
    (values) =>
      db.kysely
        .insertInto('audit_unit_rollups')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['run_id', 'unit_kind', 'region_key', 'unit_key']).doUpdateSet((eb) => ({
            audited: eb.ref('excluded.audited'),
            total_sum: eb.ref('excluded.total_sum'),
            covered: eb.ref('excluded.covered'),
            levels_json: eb.ref('excluded.levels_json'),
          })),
        ),
    500,
  );
}
