// The institutions a seminar's rule selects, before anyone is invited.
import type { Db } from '../../platform/db.ts';
import { areaOf, seminarToManage } from '../seminar-access.ts';
import { type AudienceRule, audienceOf } from '../training.repo.ts';
import type { Caller } from './caller.ts';

/** The institutions a seminar's rule selects: how many would be invited, before anyone is. */
export async function audience(db: Db, caller: Caller, seminarId: number) {
  const seminar = await seminarToManage(db, caller, seminarId);
  return audienceOf(db, areaOf(seminar), caller.scope, JSON.parse(seminar.audience_json) as AudienceRule);
}
