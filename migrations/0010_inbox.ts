// The dialogue inbox: what people decided about a waiting comment (in progress, no answer needed and why, who
// handles it), the replies sent through Publica, and safety flags an operator dismissed as false.
import type { AnyDb } from './helpers.ts';
import { withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('inbox_states')
    .addColumn('comment_id', 'integer', (c) => c.primaryKey().references('comments.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('inbox_replies'))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    // The client's key: a reply sent twice (a double click, a retry) is sent to VK once.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('vk_comment_id', 'integer')
    .addColumn('error', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('safety_dismissals'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_vk_id', 'integer', (c) => c.notNull())
    .addColumn('flag_key', 'text', (c) => c.notNull())
    .addColumn('dismissed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('dismissed_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('safety_dismissals_once', ['page_id', 'target_type', 'target_vk_id', 'flag_key'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['safety_dismissals', 'inbox_replies', 'inbox_states'])
    await db.schema.dropTable(table).ifExists().execute();
}
