// VK as it is: a profile fact VK did not send is unknown (NULL), not "no"; the phone, the community menu's
// feedback-platform widgets and where each fact came from are kept; a post by a visitor on an open wall is
// marked as one; a comment that vanished from VK keeps the time it was found gone.
import { sql } from 'kysely';
import type { AnyDb } from './helpers.ts';
import { isPostgres, withId } from './helpers.ts';

const NULLABLE = ['is_closed', 'is_verified', 'has_avatar', 'has_cover', 'wall'] as const;

async function addSnapshotColumns(db: AnyDb, table: string) {
  await db.schema.alterTable(table).addColumn('phone', 'text').execute();
  await db.schema.alterTable(table).addColumn('menu_widgets_json', 'text').execute();
  await db.schema.alterTable(table).addColumn('sources_json', 'text').execute();
}

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    for (const column of NULLABLE)
      await sql`ALTER TABLE page_snapshots ALTER COLUMN ${sql.ref(column)} DROP NOT NULL`.execute(db);
    await addSnapshotColumns(db, 'page_snapshots');
  } else {
    // SQLite cannot drop NOT NULL: the table is made again with the same rows (nothing references it).
    await withId(db, db.schema.createTable('page_snapshots_0017'))
      .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
      .addColumn('collected_at', 'bigint', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('screen_name', 'text')
      .addColumn('is_closed', 'integer')
      .addColumn('deactivated', 'text')
      .addColumn('is_verified', 'integer')
      .addColumn('members_count', 'integer', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('site', 'text')
      .addColumn('activity', 'text')
      .addColumn('has_avatar', 'integer')
      .addColumn('has_cover', 'integer')
      .addColumn('wall', 'integer')
      .addColumn('contacts_json', 'text')
      .addColumn('addresses_json', 'text')
      .addColumn('extra_json', 'text')
      .addColumn('phone', 'text')
      .addColumn('menu_widgets_json', 'text')
      .addColumn('sources_json', 'text')
      .execute();
    await sql`INSERT INTO page_snapshots_0017 (id, page_id, collected_at, name, screen_name, is_closed, deactivated,
      is_verified, members_count, description, site, activity, has_avatar, has_cover, wall, contacts_json,
      addresses_json, extra_json)
      SELECT id, page_id, collected_at, name, screen_name, is_closed, deactivated, is_verified, members_count,
      description, site, activity, has_avatar, has_cover, wall, contacts_json, addresses_json, extra_json
      FROM page_snapshots`.execute(db);
    await db.schema.dropTable('page_snapshots').execute();
    await sql`ALTER TABLE page_snapshots_0017 RENAME TO page_snapshots`.execute(db);
    await db.schema
      .createIndex('page_snapshots_page_time')
      .on('page_snapshots')
      .columns(['page_id', 'collected_at'])
      .execute();
  }
  // The author of a post (a visitor's on an open wall is not the community's) and whether it is a visitor's.
  await db.schema.alterTable('posts').addColumn('from_id', 'bigint').execute();
  await db.schema
    .alterTable('posts')
    .addColumn('is_visitor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('comments').addColumn('deleted_at', 'bigint').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('deleted_at').execute();
  await db.schema.alterTable('posts').dropColumn('is_visitor').execute();
  await db.schema.alterTable('posts').dropColumn('from_id').execute();
  for (const column of ['sources_json', 'menu_widgets_json', 'phone'])
    await db.schema.alterTable('page_snapshots').dropColumn(column).execute();
}
