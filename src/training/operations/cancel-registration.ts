// Cancelling a registration; the first on the waiting list takes the seat.
import { insertNotifications } from '../../notifications/index.ts';
import type { Db } from '../../platform/db.ts';
import { inTransaction } from '../../platform/db.ts';
import { checkInstitutions, seminarFor, seminarNotices } from '../seminar-access.ts';
import { enrolmentsOf, saveEnrolment } from '../training.repo.ts';
import type { Caller } from './caller.ts';

/** Cancels a registration; the first on the waiting list takes the seat. */
export async function cancel(db: Db, caller: Caller, seminarId: number, institutionId: number, now: number) {
  const seminar = await seminarFor(db, caller, seminarId);
  await checkInstitutions(db, caller, seminar, [institutionId]);
  return inTransaction(db, async (tx) => {
    const enrolments = await enrolmentsOf(tx, seminarId);
    const current = enrolments.find((e) => e.institution_id === institutionId);
    if (!current || current.status === 'cancelled') return null;
    await saveEnrolment(tx, { seminarId, institutionId, status: 'cancelled', at: now });
    if (current.status !== 'registered') return null;
    const next = enrolments.find((e) => e.status === 'waitlisted');
    if (next) {
      await saveEnrolment(tx, {
        seminarId,
        institutionId: next.institution_id,
        status: 'registered',
        at: now,
      });
      await insertNotifications(tx, seminarNotices('seminar_seat', seminar, [next.institution_id], now));
    }
    return next?.institution_id ?? null;
  });
}
