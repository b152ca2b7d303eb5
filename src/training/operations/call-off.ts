// Calling a planned seminar off; everyone registered or waiting is notified.
import { insertNotifications } from '../../notifications/index.ts';
import type { Db } from '../../platform/db.ts';
import { inTransaction } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { seminarNotices, seminarToManage } from '../seminar-access.ts';
import { enrolmentsOf, setSeminarStatus } from '../training.repo.ts';
import type { Caller } from './caller.ts';

/** Calls a planned seminar off: it keeps its enrolments, and everyone registered or waiting is told. */
export async function cancelSeminar(db: Db, caller: Caller, id: number, now: number): Promise<number> {
  const seminar = await seminarToManage(db, caller, id);
  if (seminar.status !== 'planned')
    throw new AppError(
      'CONFLICT',
      `seminar ${id} is ${seminar.status}, only a planned one can be called off`,
    );
  return inTransaction(db, async (tx) => {
    await setSeminarStatus(tx, id, 'cancelled');
    const told = (await enrolmentsOf(tx, id))
      .filter((e) => e.status === 'registered' || e.status === 'waitlisted')
      .map((e) => e.institution_id);
    await insertNotifications(tx, seminarNotices('seminar_cancelled', seminar, told, now));
    return told.length;
  });
}
