// A draft's publication on each other network (issue 23): one row per draft and network (OK, MAX) with its
// status, attempts, the network's post id and the last error. `sent_at`: when a post call first went out, so a
// retry after a lost answer reads the page back from then before posting again (neither network takes an
// idempotency key).
import { type AnyDb, withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('planner_network_posts'))
    .addColumn('draft_id', 'integer', (c) => c.notNull().references('planner_drafts.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'bigint')
    .addColumn('external_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('planner_network_posts_draft_network')
    .on('planner_network_posts')
    .columns(['draft_id', 'network'])
    .unique()
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('planner_network_posts').execute();
}
