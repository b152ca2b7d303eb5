// Community messages in the inbox: the messages themselves (one row per VK message of a page's community),
// people's decisions on a waiting message, replies sent with their random_id (VK sends a random_id once), the
// events VK pushed (Callback API, Bots Long Poll) stored once by their event_id, each community's Callback API
// settings and its Long Poll position.
import type { AnyDb } from './helpers.ts';
import { withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('inbox_messages'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('peer_id', 'integer', (c) => c.notNull())
    .addColumn('vk_id', 'integer', (c) => c.notNull())
    .addColumn('from_id', 'integer', (c) => c.notNull())
    .addColumn('is_out', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'integer', (c) => c.notNull())
    .addColumn('stored_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('inbox_messages_once', ['page_id', 'vk_id'])
    .execute();
  await db.schema
    .createIndex('inbox_messages_peer')
    .on('inbox_messages')
    .columns(['page_id', 'peer_id', 'sent_at'])
    .execute();
  await db.schema
    .createTable('inbox_message_states')
    .addColumn('message_id', 'integer', (c) =>
      c.primaryKey().references('inbox_messages.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('inbox_message_replies'))
    .addColumn('message_id', 'integer', (c) =>
      c.notNull().references('inbox_messages.id').onDelete('cascade'),
    )
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('random_id', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('vk_message_id', 'integer')
    .addColumn('error', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('vk_events'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('received_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('vk_events_once', ['group_id', 'event_id'])
    .execute();
  await db.schema
    .createTable('vk_callback_settings')
    .addColumn('group_id', 'integer', (c) => c.primaryKey())
    .addColumn('confirmation', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('vk_long_poll_state')
    .addColumn('group_id', 'integer', (c) => c.primaryKey())
    .addColumn('ts', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'vk_long_poll_state',
    'vk_callback_settings',
    'vk_events',
    'inbox_message_replies',
    'inbox_message_states',
    'inbox_messages',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
