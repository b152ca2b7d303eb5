// A thread whose replies VK counted but did not all send (an imported file holds only the first few): how many
// are missing, so the audit calls its question unknown rather than unanswered. NULL: none missing.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('comments').addColumn('replies_missing', 'integer').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('replies_missing').execute();
}
