// VK tokens kept in the database, sealed (AES-256-GCM, the key only in the environment): reading tokens for the
// collection, and community tokens of a page for publishing and answering. `token_key` is the same hash prefix
// the leases and the usage counts use, so a stored token and one from the environment are one token.
import type { AnyDb } from './helpers.ts';
import { withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('vk_tokens'))
    .addColumn('label', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('per_second', 'integer')
    .addColumn('daily_quota_json', 'text')
    .addColumn('token_key', 'text', (c) => c.notNull().unique())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    // A community token belongs to its page; reading tokens to nobody in particular.
    .addColumn('page_id', 'integer', (c) => c.references('pages.id').onDelete('cascade'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('vk_tokens').ifExists().execute();
}
