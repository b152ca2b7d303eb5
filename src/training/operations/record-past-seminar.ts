// Recording a seminar held before Publica knew of it, in one go.
import type { Db } from '../../platform/db.ts';
import { inTransaction } from '../../platform/db.ts';
import { markAttendedAndClose } from '../seminar-access.ts';
import { findSeminar, institutionsByInn, regionTimezone, saveEnrolment } from '../training.repo.ts';
import { instantIn, planSeminar, type SeminarInput } from './plan-seminar.ts';

/**
 * A seminar held before Publica knew of it (a demo world's history, or one moved from a spreadsheet): planned,
 * its invitations and registrations, and its attendance, in one go. Recording it again changes nothing.
 */
export async function recordPastSeminar(
  db: Db,
  input: SeminarInput,
  inns: { invited: string[]; attended: string[] },
  now: number,
): Promise<{ id: number; created: boolean }> {
  const startsAt = instantIn(
    input.startsLocal,
    input.timezone ?? (await regionTimezone(db, input.regionCode)),
  );
  const known = await findSeminar(db, input.regionCode, input.title, startsAt);
  if (known) return { id: known.id, created: false };
  const ids = new Map(
    (await institutionsByInn(db, [...inns.invited, ...inns.attended])).map((i) => [i.inn, i.id]),
  );
  const idsOf = (list: string[]) => list.flatMap((inn) => (ids.has(inn) ? [ids.get(inn) as number] : []));
  const people = { invited: idsOf(inns.invited), attended: idsOf(inns.attended) };
  const id = await planSeminar(db, { userId: null, scope: { level: 'country' } }, input, now);
  const attended = new Set(people.attended);
  await inTransaction(db, async (tx) => {
    for (const institutionId of new Set([...people.invited, ...people.attended]))
      await saveEnrolment(tx, {
        seminarId: id,
        institutionId,
        status: attended.has(institutionId) ? 'registered' : 'invited',
        at: startsAt - 7 * 86_400,
      });
  });
  await markAttendedAndClose(db, id, people.attended);
  return { id, created: true };
}
