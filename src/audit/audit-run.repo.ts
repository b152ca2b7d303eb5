// SQL of audit runs (the audit engine fills them; the foundation only reads the latest for `status`).
import type { Db } from '../platform/db.ts';

export async function lastAuditRun(db: Db) {
  return db.kysely
    .selectFrom('audit_runs')
    .select(['id', 'methodology_version', 'status', 'started_at', 'finished_at', 'pages_total', 'pages_done'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
