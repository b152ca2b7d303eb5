// Pages on more than one network (issue 23): the registry's ok_url and max_url become pages with platform 'ok'
// and 'max' beside VK's. The coverage figures ("on VK / on OK / on MAX") count institutions per platform, so
// pages get an index on (platform, institution_id).
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('pages_platform_institution')
    .on('pages')
    .columns(['platform', 'institution_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('pages_platform_institution').ifExists().execute();
}
