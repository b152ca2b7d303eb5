// The seminars of the caller's region or area, newest first.
import type { Db } from '../../platform/db.ts';
import { enrolmentCounts, institutionEnrolments, listSeminarsInScope } from '../training.repo.ts';
import type { Caller } from './caller.ts';
import { view } from './seminar-view.ts';

/**
 * Seminars the caller sees, newest first, with their seats taken, places waiting and attendees; an
 * institution's caller also gets its own enrolment in each.
 */
export async function listSeminars(db: Db, caller: Caller) {
  const seminars = await listSeminarsInScope(db, caller.scope);
  const counts = await enrolmentCounts(
    db,
    seminars.map((s) => s.id),
  );
  const mine =
    caller.scope.level === 'institution'
      ? new Map((await institutionEnrolments(db, caller.scope.institutionId)).map((e) => [e.seminar_id, e]))
      : null;
  return seminars.map((s) => {
    const own = mine?.get(s.id);
    return {
      ...view(s),
      counts: counts.get(s.id) ?? { invited: 0, registered: 0, waitlisted: 0, attended: 0 },
      mine: own
        ? { status: own.status, attended: own.attended === 1, certificateCode: own.certificate_code }
        : null,
    };
  });
}
