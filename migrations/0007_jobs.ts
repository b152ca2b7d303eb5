// Production mode: the job queue persisted in the database (the embedded default; pg-boss keeps its own tables
// on PostgreSQL), job progress and cron schedules for both queues, VK token leases (one worker holds a token
// at a time), and the shards of distributed collections and audits with what each shard found.
import { sql } from 'kysely';
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    // '' for keyless jobs of a singleton queue (they share one key), null on standard queues (never collide).
    .addColumn('singleton_key', 'text')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_delay', 'integer', (c) => c.notNull())
    .addColumn('retry_backoff', 'integer', (c) => c.notNull())
    .addColumn('expire_seconds', 'integer', (c) => c.notNull())
    // Times in milliseconds since the epoch.
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('start_after', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('expires_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('holder', 'text')
    .addColumn('output', 'text')
    .execute();
  await db.schema
    .createIndex('jobs_fetch')
    .on('jobs')
    .columns(['queue', 'state', 'priority', 'start_after'])
    .execute();
  await db.schema
    .createIndex('jobs_singleton')
    .on('jobs')
    .columns(['queue', 'singleton_key'])
    .unique()
    .where(sql.ref('state'), 'in', ['created', 'retry'])
    .execute();
  await db.schema
    .createTable('job_progress')
    .addColumn('job_id', 'text', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('tz', 'text', (c) => c.notNull())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    // The last cron slot (ms) that was enqueued, so a slot fires once across scheduler restarts and leaders.
    .addColumn('last_slot', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('vk_token_leases')
    .addColumn('token_key', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('acquired_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  for (const table of ['collection_shards', 'audit_shards'])
    await db.schema
      .createTable(table)
      .addColumn('run_id', 'integer', (c) => c.notNull())
      .addColumn('shard', 'integer', (c) => c.notNull())
      .addColumn('page_ids', 'text', (c) => c.notNull())
      .addColumn('pages', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('stats', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['run_id', 'shard'])
      .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'audit_shards',
    'collection_shards',
    'vk_token_leases',
    'job_schedules',
    'job_progress',
  ])
    await db.schema.dropTable(table).ifExists().execute();
  await db.schema.dropIndex('jobs_singleton').ifExists().execute();
  await db.schema.dropIndex('jobs_fetch').ifExists().execute();
  await db.schema.dropTable('jobs').ifExists().execute();
}
