// Who may see and run a seminar, which institutions a caller may name for it, and the writes several seminar
// services share: attendance that closes the seminar with certificate codes, and the notifications about it.
import crypto from 'node:crypto';
import type { NotificationInput } from '../notifications/index.ts';
import type { Db } from '../platform/db.ts';
import { inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Scope, scopeContains } from '../platform/scope.ts';
import {
  institutionsReachable,
  markAttended,
  municipalityRegions,
  type SeminarArea,
  seminarInScope,
} from './training.repo.ts';

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

export function areaOf(seminar: { region_code: string; municipality_id: number | null }): SeminarArea {
  return { regionCode: seminar.region_code, municipalityId: seminar.municipality_id };
}

/**
 * Every institution id a caller names for a seminar (in a body or a path) must lie inside the caller's scope
 * and the seminar's area; any other answers 404 in the same words as an id that does not exist, so ids cannot
 * be used to find out what lies elsewhere.
 */
export async function checkInstitutions(
  db: Db,
  caller: Caller,
  seminar: { region_code: string; municipality_id: number | null },
  ids: number[],
  path = 'body.institutionId',
): Promise<void> {
  const reachable = await institutionsReachable(db, [...new Set(ids)], areaOf(seminar), caller.scope);
  const stranger = ids.find((id) => !reachable.has(id));
  if (stranger !== undefined)
    throw new AppError('NOT_FOUND', `${path}: no institution ${stranger} in your scope`);
}

/**
 * The municipalities a new seminar names (its own, its audience's) must be of its region and inside the area
 * the caller plans for; others answer 404 like unknown ones.
 */
export async function checkMunicipalities(
  db: Db,
  caller: Caller,
  area: { regionCode: string; municipalityId?: number | undefined },
  audienceIds: number[],
): Promise<void> {
  const named = [...(area.municipalityId === undefined ? [] : [area.municipalityId]), ...audienceIds];
  const regions = new Map((await municipalityRegions(db, named)).map((m) => [m.id, m.region_code]));
  const fits = (id: number) =>
    regions.get(id) === area.regionCode &&
    (area.municipalityId === undefined || id === area.municipalityId) &&
    scopeContains(caller.scope, { regionCode: area.regionCode, municipalityId: id, institutionId: null });
  if (area.municipalityId !== undefined && !fits(area.municipalityId))
    throw new AppError(
      'NOT_FOUND',
      `body.municipalityId: no municipality ${area.municipalityId} in your scope`,
    );
  const stranger = audienceIds.find((id) => !fits(id));
  if (stranger !== undefined)
    throw new AppError(
      'NOT_FOUND',
      `body.audience.municipalityIds: no municipality ${stranger} in your scope`,
    );
}

/** Only web addresses are links: `javascript:`, `data:` or `file:` would run or open something on a click. */
export function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
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
