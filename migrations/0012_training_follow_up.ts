// What follows a seminar, and what tells people about it: materials (slides, recordings), each attendee's short
// feedback, and in-app notifications (an invitation, a seat freed on the waiting list, a reminder the day before),
// each sent once by its key.
import type { AnyDb } from './helpers.ts';
import { withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('seminar_materials'))
    .addColumn('seminar_id', 'integer', (c) => c.notNull().references('seminars.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('added_at', 'integer', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('seminar_feedback'))
    .addColumn('seminar_id', 'integer', (c) => c.notNull().references('seminars.id').onDelete('cascade'))
    .addColumn('institution_id', 'integer', (c) =>
      c.notNull().references('institutions.id').onDelete('cascade'),
    )
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('useful_json', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('seminar_feedback_once', ['seminar_id', 'institution_id'])
    .execute();
  await withId(db, db.schema.createTable('notifications'))
    .addColumn('institution_id', 'integer', (c) => c.references('institutions.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'integer')
    .execute();
  await db.schema
    .createIndex('notifications_institution')
    .on('notifications')
    .columns(['institution_id', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('notifications').ifExists().execute();
  await db.schema.dropTable('seminar_feedback').ifExists().execute();
  await db.schema.dropTable('seminar_materials').ifExists().execute();
}
