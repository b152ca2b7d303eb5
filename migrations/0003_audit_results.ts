// Audit results: the methodology versions used (with their content hash); per run each page's scores, level
// and every rule's result (one row per page); the rules a page did not pass (for targeting and lists); counts of
// statuses per rule and municipality (for heatmaps and roll-ups); peer distributions per region and kind.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('methodology_versions')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_used_at', 'bigint', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('methodology_versions_pk', ['id', 'hash'])
    .execute();

  await db.schema
    .createTable('audit_page_results')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('audit_runs.id').onDelete('cascade'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('institution_id', 'integer')
    .addColumn('region_code', 'text')
    .addColumn('municipality_id', 'integer')
    .addColumn('kind', 'text')
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('categories_json', 'text', (c) => c.notNull())
    .addColumn('critical_failed', 'text', (c) => c.notNull())
    .addColumn('results_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_page_results_pk', ['run_id', 'page_id'])
    .execute();
  await db.schema
    .createIndex('audit_page_results_region')
    .on('audit_page_results')
    .columns(['run_id', 'region_code', 'municipality_id'])
    .execute();
  await db.schema
    .createIndex('audit_page_results_page')
    .on('audit_page_results')
    .columns(['page_id'])
    .execute();

  await db.schema
    .createTable('audit_rule_results')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('audit_runs.id').onDelete('cascade'))
    .addColumn('page_id', 'integer', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('score', 'double precision')
    .addPrimaryKeyConstraint('audit_rule_results_pk', ['run_id', 'page_id', 'rule_id'])
    .execute();
  await db.schema
    .createIndex('audit_rule_results_rule')
    .on('audit_rule_results')
    .columns(['run_id', 'rule_id', 'status'])
    .execute();

  await db.schema
    .createTable('audit_rule_stats')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('audit_runs.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('municipality_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .$call((t) => {
      let table = t;
      for (const status of ['pass', 'warn', 'fail', 'na', 'manual', 'error'])
        table = table.addColumn(`n_${status}`, 'integer', (c) => c.notNull().defaultTo(0));
      return table;
    })
    .addPrimaryKeyConstraint('audit_rule_stats_pk', [
      'run_id',
      'region_code',
      'municipality_id',
      'kind',
      'rule_id',
    ])
    .execute();

  await db.schema
    .createTable('audit_peer_stats')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('audit_runs.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('mean', 'double precision', (c) => c.notNull())
    .addColumn('quantiles_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_peer_stats_pk', ['run_id', 'region_code', 'kind', 'rule_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'audit_peer_stats',
    'audit_rule_results',
    'audit_page_results',
    'methodology_versions',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
