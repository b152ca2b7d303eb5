// The foundation schema: registry (regions, municipalities, institutions, pages), snapshots
// (page profiles, posts, comments) and the runs that wrote or judged them.
import { type AnyDb, withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('iso_code', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('capital_ru', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('municipalities'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('municipalities_region_name', ['region_code', 'name'])
    .execute();

  await withId(db, db.schema.createTable('institutions'))
    .addColumn('inn', 'text', (c) => c.unique())
    .addColumn('ogrn', 'text', (c) => c.unique())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('municipality_id', 'integer', (c) => c.references('municipalities.id'))
    .addColumn('address', 'text')
    .addColumn('website', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('institutions_region').on('institutions').columns(['region_code']).execute();
  await db.schema
    .createIndex('institutions_municipality')
    .on('institutions')
    .columns(['municipality_id'])
    .execute();

  await withId(db, db.schema.createTable('pages'))
    .addColumn('institution_id', 'integer', (c) => c.references('institutions.id').onDelete('set null'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('external_id', 'bigint')
    .addColumn('screen_name', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('last_collected_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('pages_platform_external', ['platform', 'external_id'])
    .execute();
  await db.schema.createIndex('pages_institution').on('pages').columns(['institution_id']).execute();
  await db.schema.createIndex('pages_screen_name').on('pages').columns(['platform', 'screen_name']).execute();

  await withId(db, db.schema.createTable('page_snapshots'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('collected_at', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('screen_name', 'text')
    .addColumn('is_closed', 'integer', (c) => c.notNull())
    .addColumn('deactivated', 'text')
    .addColumn('is_verified', 'integer', (c) => c.notNull())
    .addColumn('members_count', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('site', 'text')
    .addColumn('activity', 'text')
    .addColumn('has_avatar', 'integer', (c) => c.notNull())
    .addColumn('has_cover', 'integer', (c) => c.notNull())
    .addColumn('wall', 'integer', (c) => c.notNull())
    .addColumn('contacts_json', 'text')
    .addColumn('addresses_json', 'text')
    .addColumn('extra_json', 'text')
    .execute();
  await db.schema
    .createIndex('page_snapshots_page_time')
    .on('page_snapshots')
    .columns(['page_id', 'collected_at'])
    .execute();

  await withId(db, db.schema.createTable('posts'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('vk_id', 'bigint', (c) => c.notNull())
    .addColumn('posted_at', 'bigint', (c) => c.notNull())
    .addColumn('edited_at', 'bigint')
    .addColumn('text', 'text', (c) => c.notNull())
    .$call((t) => {
      let table = t;
      for (const kind of attachmentColumns)
        table = table.addColumn(kind, 'integer', (c) => c.notNull().defaultTo(0));
      for (const counter of ['likes', 'comments', 'reposts', 'views'])
        table = table.addColumn(counter, 'integer', (c) => c.notNull().defaultTo(0));
      return table;
    })
    .addColumn('is_pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_ad', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_repost', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('repost_owner_id', 'bigint')
    .addColumn('repost_post_id', 'bigint')
    .addColumn('comments_closed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('collected_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('posts_page_vk', ['page_id', 'vk_id'])
    .execute();
  await db.schema.createIndex('posts_page_time').on('posts').columns(['page_id', 'posted_at']).execute();

  await withId(db, db.schema.createTable('comments'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('post_vk_id', 'bigint', (c) => c.notNull())
    .addColumn('vk_id', 'bigint', (c) => c.notNull())
    .addColumn('from_id', 'bigint', (c) => c.notNull())
    .addColumn('is_from_community', 'integer', (c) => c.notNull())
    .addColumn('posted_at', 'bigint', (c) => c.notNull())
    .addColumn('reply_to_comment', 'bigint')
    .addColumn('thread_root', 'bigint')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('is_deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('collected_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('comments_page_vk', ['page_id', 'vk_id'])
    .execute();
  await db.schema
    .createIndex('comments_page_post')
    .on('comments')
    .columns(['page_id', 'post_vk_id'])
    .execute();

  for (const table of ['collection_runs', 'audit_runs'] as const) {
    let builder = withId(db, db.schema.createTable(table));
    if (table === 'collection_runs') builder = builder.addColumn('kind', 'text', (c) => c.notNull());
    else
      builder = builder
        .addColumn('methodology_version', 'text', (c) => c.notNull())
        .addColumn('methodology_hash', 'text', (c) => c.notNull())
        .addColumn('period_start', 'bigint', (c) => c.notNull())
        .addColumn('period_end', 'bigint', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull());
    await builder
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('finished_at', 'bigint')
      .addColumn('pages_total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('pages_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('stats_json', 'text')
      .execute();
  }
}

const attachmentColumns = [
  'photos',
  'videos',
  'clips',
  'polls',
  'lives',
  'docs',
  'links',
  'podcasts',
  'audios',
];

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'audit_runs',
    'collection_runs',
    'comments',
    'posts',
    'page_snapshots',
    'pages',
    'institutions',
    'municipalities',
    'regions',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
