// Marking who came; each attendee gets a certificate code.
import type { Db } from '../../platform/db.ts';
import { checkInstitutions, markAttendedAndClose, seminarToManage } from '../seminar-access.ts';
import { enrolmentsOf } from '../training.repo.ts';
import type { Caller } from './caller.ts';

/** Marks who came (registered institutions only); each gets a certificate code that can be verified. */
export async function recordAttendance(db: Db, caller: Caller, seminarId: number, institutionIds: number[]) {
  const seminar = await seminarToManage(db, caller, seminarId);
  await checkInstitutions(db, caller, seminar, institutionIds, 'body.institutionIds');
  await markAttendedAndClose(db, seminarId, institutionIds);
  return (await enrolmentsOf(db, seminarId)).filter((e) => e.attended === 1).length;
}
