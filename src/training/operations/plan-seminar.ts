// Planning a seminar in a region for an audience chosen by rule; its start is a local time in its zone.
import { LOCAL_DATE_TIME_MESSAGE, parseLocalDateTime } from '../../platform/calendar-date.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notFound } from '../../platform/scope.ts';
import { instantAt } from '../../platform/time-zone.ts';
import { canPlan, checkMunicipalities, isWebAddress } from '../seminar-access.ts';
import { type AudienceRule, insertSeminar, regionTimezone } from '../training.repo.ts';
import type { Caller } from './caller.ts';

export type SeminarInput = {
  title: string;
  programme: string[];
  organiserKind: 'regional_centre' | 'dialog' | 'ministry';
  organiser: string;
  trainers: string[];
  format: 'online' | 'in_person';
  link?: string;
  place?: string;
  /** Local date and time in the seminar's time zone, e.g. "2026-12-10T15:00". */
  startsLocal: string;
  durationMinutes: number;
  /** IANA zone of `startsLocal`; the region's zone when left out. */
  timezone?: string;
  regionCode: string;
  municipalityId?: number;
  capacity: number;
  audience: AudienceRule;
};

/** The instant of a local date and time ("YYYY-MM-DDTHH:MM") in a time zone. */
export function instantIn(local: string, timeZone: string): number {
  // A real calendar time only: "2026-13-45T25:61" once rolled over into 2027-02-15.
  const parsed = parseLocalDateTime(local);
  if (!parsed) throw new AppError('VALIDATION', `body.startsLocal: ${LOCAL_DATE_TIME_MESSAGE}`);
  return instantAt(parsed.date, parsed.minutes * 60, timeZone);
}

export async function planSeminar(db: Db, caller: Caller, input: SeminarInput, now: number): Promise<number> {
  if (!canPlan(caller, input.regionCode, input.municipalityId))
    throw notFound('region', input.regionCode, 'body.regionCode');
  await checkMunicipalities(db, caller, input, input.audience.municipalityIds ?? []);
  if (input.format === 'online' && !input.link)
    throw new AppError('VALIDATION', 'body.link: an online seminar needs its link');
  if (input.link !== undefined && !isWebAddress(input.link))
    throw new AppError('VALIDATION', 'body.link: only http and https addresses', [
      { path: 'body.link', message: 'http or https only' },
    ]);
  if (input.format === 'in_person' && !input.place)
    throw new AppError('VALIDATION', 'body.place: say where it takes place');
  // Without a zone, the region's own: the local time the region's admins read.
  const timezone = input.timezone ?? (await regionTimezone(db, input.regionCode));
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw new AppError('VALIDATION', `body.timezone: unknown time zone "${timezone}"`);
  }
  const startsAt = instantIn(input.startsLocal, timezone);
  const row = await insertSeminar(db, {
    title: input.title,
    programme_json: JSON.stringify(input.programme),
    organiser_kind: input.organiserKind,
    organiser: input.organiser,
    trainers_json: JSON.stringify(input.trainers),
    format: input.format,
    link: input.link ?? null,
    place: input.place ?? null,
    starts_at: startsAt,
    ends_at: startsAt + input.durationMinutes * 60,
    timezone,
    region_code: input.regionCode,
    municipality_id: input.municipalityId ?? null,
    capacity: input.capacity,
    audience_json: JSON.stringify(input.audience),
    status: 'planned',
    created_by: caller.userId,
    created_at: now,
  });
  return row.id;
}
