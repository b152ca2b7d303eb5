// A page admin's user token (photos, video, clips, polls, live broadcasts need one on VK) is stored like the
// others, with the scopes it was granted and when it expires, so the token list can show both.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('vk_tokens').addColumn('scopes', 'text').execute();
  await db.schema.alterTable('vk_tokens').addColumn('expires_at', 'integer').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('vk_tokens').dropColumn('expires_at').execute();
  await db.schema.alterTable('vk_tokens').dropColumn('scopes').execute();
}
