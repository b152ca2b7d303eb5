// Inviting a seminar's audience, once each.
import { insertNotifications } from '../../notifications/index.ts';
import type { Db } from '../../platform/db.ts';
import { inTransaction } from '../../platform/db.ts';
import { areaOf, seminarNotices, seminarToManage } from '../seminar-access.ts';
import { type AudienceRule, audienceOf, enrolmentsOf, saveEnrolment } from '../training.repo.ts';
import type { Caller } from './caller.ts';

/** Invites the audience (institutions already enrolled keep their status). */
export async function invite(db: Db, caller: Caller, seminarId: number, now: number): Promise<number> {
  const seminar = await seminarToManage(db, caller, seminarId);
  const known = new Set((await enrolmentsOf(db, seminarId)).map((e) => e.institution_id));
  const fresh = (
    await audienceOf(db, areaOf(seminar), caller.scope, JSON.parse(seminar.audience_json) as AudienceRule)
  ).filter((a) => !known.has(a.institutionId));
  await inTransaction(db, async (tx) => {
    for (const a of fresh)
      await saveEnrolment(tx, { seminarId, institutionId: a.institutionId, status: 'invited', at: now });
    await insertNotifications(
      tx,
      seminarNotices(
        'seminar_invited',
        seminar,
        fresh.map((a) => a.institutionId),
        now,
      ),
    );
  });
  return fresh.length;
}
