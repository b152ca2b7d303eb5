// What the demo reads before it seeds (reads only: every write goes through the owning feature).
import type { Db } from '../platform/db.ts';

/** A finished audit of the period ending at `end`, if one was run. */
export function doneAuditEnding(db: Db, end: number) {
  return db.kysely
    .selectFrom('audit_runs')
    .select('id')
    .where('status', '=', 'done')
    .where('period_end', '=', end)
    .executeTakeFirst();
}

/** A region's seminar of this title, if it was planned. */
export function seminarTitled(db: Db, title: string, regionCode: string) {
  return db.kysely
    .selectFrom('seminars')
    .select('id')
    .where('title', '=', title)
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
}
