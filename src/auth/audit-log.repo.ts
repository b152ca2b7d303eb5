// Reading the audit log (the platform writes it): newest first, filtered by the reader's scope.
import { type Db, pageOf } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';

export type LogFilter = { action?: string; userId?: number; page: number; size: number };

export async function listLogEntries(db: Db, scope: Scope, filter: LogFilter) {
  let query = db.kysely.selectFrom('audit_log').where(
    inScope(scope, {
      region: 'audit_log.region_code',
      municipality: 'audit_log.municipality_id',
      institution: 'audit_log.institution_id',
    }),
  );
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  return pageOf(query, (q) => q.selectAll().orderBy('id', 'desc'), filter);
}
