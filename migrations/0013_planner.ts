// The content planner: drafts of every kind (text with photos, poll, clip, video, live broadcast) with their
// review and publishing state, files uploaded for them, pupils and teachers who propose drafts, pages whose
// drafts the municipality approves too, and regional announcements sent to many pages at once.
import type { AnyDb } from './helpers.ts';
import { isPostgres, withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('planner_syndications'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('planner_drafts'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('rubric', 'text')
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('planned_at', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('review_comment', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'integer')
    .addColumn('municipality_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('municipality_at', 'integer')
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('publish_state_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'integer')
    .addColumn('claimed_at', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('vk_post_id', 'integer')
    .addColumn('published_at', 'integer')
    .addColumn('syndication_id', 'integer', (c) =>
      c.references('planner_syndications.id').onDelete('set null'),
    )
    .addColumn('template_id', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('planner_drafts_page')
    .on('planner_drafts')
    .columns(['page_id', 'planned_at'])
    .execute();
  await db.schema
    .createIndex('planner_drafts_due')
    .on('planner_drafts')
    .columns(['status', 'planned_at'])
    .execute();
  await withId(db, db.schema.createTable('planner_files'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('planner_contributors'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('planner_contributors_once', ['page_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('planner_page_settings')
    .addColumn('page_id', 'integer', (c) => c.primaryKey().references('pages.id').onDelete('cascade'))
    .addColumn('municipality_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('changed_at', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'planner_page_settings',
    'planner_contributors',
    'planner_files',
    'planner_drafts',
    'planner_syndications',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
