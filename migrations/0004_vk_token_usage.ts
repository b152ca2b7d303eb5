// Calls each VK token made per method per day, so a restart does not overspend the daily quota.
// Tokens are identified by a hash prefix; the token itself is never stored here.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('vk_token_usage')
    .addColumn('token_key', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('vk_token_usage_pk', ['token_key', 'method', 'day'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('vk_token_usage').ifExists().execute();
}
