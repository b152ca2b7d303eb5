// The methodologist's workshop: versions forked from a shipped (or an earlier workshop) version, edited in the
// database and published under their own id. A published one is read like a version shipped on disk.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('methodology_workshop')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('based_on', 'text', (c) => c.notNull())
    /** The version's content as version.yaml holds it, as JSON; and its text in Markdown. */
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('text_ru', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'integer')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('methodology_workshop').execute();
}
