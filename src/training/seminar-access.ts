// Who may see and run a seminar, and the writes several seminar services share: attendance that closes the
// seminar with certificate codes, and the notifications about a seminar.
import crypto from 'node:crypto';
import type { NotificationInput } from '../notifications/index.ts';
import type { Db } from '../platform/db.ts';
import { inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Scope, scopeContains } from '../platform/scope.ts';
import { markAttended, seminarInScope } from './training.repo.ts';

type Caller = { userId: number | null; scope: Scope };

/** A seminar is run from its own level: a region's by the region (or the country), a municipality's also by it. */
export function canPlan(caller: Caller, regionCode: string, municipalityId?: number): boolean {
  return scopeContains(caller.scope, {
    regionCode,
    municipalityId: municipalityId ?? null,
    institutionId: null,
  });
}

/** A fresh 12-character certificate code (48 random bits: not guessable, short enough to type). */
export function newCertificateCode(): string {
  return crypto.randomBytes(6).toString('hex').toUpperCase();
}

export async function seminarFor(db: Db, caller: Caller, id: number) {
  const seminar = await seminarInScope(db, caller.scope, id);
  if (!seminar) throw notFound('seminar', id);
  return seminar;
}

/** A seminar the caller may run: one of their region (a municipality's admin: of their municipality). */
export async function seminarToManage(db: Db, caller: Caller, id: number) {
  const seminar = await seminarFor(db, caller, id);
  if (!canPlan(caller, seminar.region_code, seminar.municipality_id ?? undefined))
    throw new AppError('FORBIDDEN', `seminar ${id} is run by the region, not by your municipality`);
  return seminar;
}

/** A notification about a seminar to each institution, once per kind, seminar and institution. */
export function seminarNotices(
  kind: 'seminar_invited' | 'seminar_seat' | 'seminar_reminder' | 'seminar_cancelled',
  seminar: { id: number; title: string; starts_at: number; timezone: string },
  institutionIds: number[],
  at: number,
): NotificationInput[] {
  return institutionIds.map((institutionId) => ({
    institutionId,
    kind,
    params: {
      seminarId: seminar.id,
      title: seminar.title,
      startsAt: seminar.starts_at,
      timezone: seminar.timezone,
    },
    link: `/seminars/${seminar.id}`,
    key: `${kind}:${seminar.id}:${institutionId}`,
    at,
  }));
}

/** Marks attendance (each attendee gets a certificate code) and closes the seminar as held. */
export async function markAttendedAndClose(
  db: Db,
  seminarId: number,
  institutionIds: number[],
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await markAttended(tx, seminarId, institutionIds, newCertificateCode);
    await tx.kysely
      .updateTable('seminars')
      .set({ status: 'done' })
      .where('id', '=', seminarId)
      .where('status', '=', 'planned')
      .execute();
  });
}
