// Registering an institution: a seat while there is one, else the waiting list.
import type { Db } from '../../platform/db.ts';
import { inTransaction } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { checkInstitutions, seminarFor } from '../seminar-access.ts';
import { enrolmentsOf, saveEnrolment } from '../training.repo.ts';
import type { Caller } from './caller.ts';

/** Registers an institution: a seat while there is one, else the waiting list. */
export async function register(
  db: Db,
  caller: Caller,
  seminarId: number,
  institutionId: number,
  now: number,
) {
  const seminar = await seminarFor(db, caller, seminarId);
  await checkInstitutions(db, caller, seminar, [institutionId]);
  if (seminar.status !== 'planned')
    throw new AppError('CONFLICT', `seminar ${seminarId} is ${seminar.status}: registration is closed`);
  return inTransaction(db, async (tx) => {
    const enrolments = await enrolmentsOf(tx, seminarId);
    const current = enrolments.find((e) => e.institution_id === institutionId);
    if (current?.status === 'registered' || current?.status === 'waitlisted') return current.status;
    const seated = enrolments.filter((e) => e.status === 'registered').length;
    const status = seated < seminar.capacity ? 'registered' : 'waitlisted';
    await saveEnrolment(tx, { seminarId, institutionId, status, at: now });
    return status;
  });
}
