// Saved replies for the questions that keep coming: libraries at region, municipality and page level, each reply
// with a topic and variables ({school}, {phone}, {hours}); and the contacts a page fills them with.
import type { AnyDb } from './helpers.ts';
import { withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('saved_replies'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('municipality_id', 'integer')
    .addColumn('page_id', 'integer', (c) => c.references('pages.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('saved_replies_region')
    .on('saved_replies')
    .columns(['region_code', 'topic'])
    .execute();
  await db.schema
    .createTable('page_contacts')
    .addColumn('page_id', 'integer', (c) => c.primaryKey().references('pages.id').onDelete('cascade'))
    .addColumn('phone', 'text')
    .addColumn('hours', 'text')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('page_contacts').ifExists().execute();
  await db.schema.dropTable('saved_replies').ifExists().execute();
}
