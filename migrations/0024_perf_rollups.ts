// Roll-ups computed once: per audit run and unit (the country, each region, each municipality within its
// region) the pages judged, their counts by level, the sum of their totals and the institutions covered by a
// page VK marks as a state organisation — written with the run's statistics, so a dashboard reads a few indexed
// rows instead of grouping the run's results. And the registry's counts per unit (institutions, with a page),
// recomputed once after each registry change (stamped with what they were computed from).
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('audit_unit_rollups')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('audit_runs.id').onDelete('cascade'))
    // 'country' | 'region' | 'municipality'
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    // The region the unit lies in ('' for the country, '-' when unknown); a region's own code for a region.
    .addColumn('region_key', 'text', (c) => c.notNull())
    // The unit: '' for the country, a region code, a municipality id as text; '-' when unknown.
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('audited', 'integer', (c) => c.notNull())
    .addColumn('total_sum', 'double precision', (c) => c.notNull())
    .addColumn('covered', 'integer', (c) => c.notNull())
    .addColumn('levels_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_unit_rollups_pk', ['run_id', 'unit_kind', 'region_key', 'unit_key'])
    .execute();

  await db.schema
    .createTable('registry_unit_counts')
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('region_key', 'text', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('institutions', 'integer', (c) => c.notNull())
    .addColumn('with_page', 'integer', (c) => c.notNull())
    // On the country row: the registry version and the highest institution and page ids counted.
    .addColumn('stamp', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_unit_counts_pk', ['unit_kind', 'region_key', 'unit_key'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('registry_unit_counts').ifExists().execute();
  await db.schema.dropTable('audit_unit_rollups').ifExists().execute();
}
