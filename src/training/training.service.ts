// Seminars: planned in a region for an audience chosen by rule (levels, failing rules, municipalities, kinds)
// from the latest audit; institutions register up to the capacity and wait beyond it, a cancellation moves the
// first waiting one up; attendance is marked, which gives a certificate code; and the effect on the attendees'
// pages is measured against comparable pages that stayed away (effect.ts).

import { insertNotifications } from '../notifications/index.ts';
import { LOCAL_DATE_TIME_MESSAGE, parseLocalDateTime } from '../platform/calendar-date.ts';
import type { Db } from '../platform/db.ts';
import { inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { instantAt } from '../platform/time-zone.ts';
import { differenceInDifferences, type EffectEstimate, type EffectUnit } from './effect.ts';
import {
  areaOf,
  canPlan,
  checkInstitutions,
  checkMunicipalities,
  isWebAddress,
  markAttendedAndClose,
  seminarFor,
  seminarNotices,
  seminarToManage,
} from './seminar-access.ts';
import {
  type AudienceRule,
  attendeesOf,
  audienceOf,
  auditsAround,
  certificateByCode,
  enrolmentCounts,
  enrolmentsOf,
  enrolmentsWithInstitutions,
  findSeminar,
  insertSeminar,
  institutionEnrolments,
  institutionsByInn,
  listSeminarsInScope,
  materialsOf,
  regionTimezone,
  resultsAround,
  saveEnrolment,
  type seminarInScope,
  setSeminarStatus,
} from './training.repo.ts';

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

type Caller = { userId: number | null; scope: Scope };

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

/** The institutions a seminar's rule selects: how many would be invited, before anyone is. */
export async function audience(db: Db, caller: Caller, seminarId: number) {
  const seminar = await seminarToManage(db, caller, seminarId);
  return audienceOf(db, areaOf(seminar), caller.scope, JSON.parse(seminar.audience_json) as AudienceRule);
}

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

/** Marks who came (registered institutions only); each gets a certificate code that can be verified. */
export async function recordAttendance(db: Db, caller: Caller, seminarId: number, institutionIds: number[]) {
  const seminar = await seminarToManage(db, caller, seminarId);
  await checkInstitutions(db, caller, seminar, institutionIds, 'body.institutionIds');
  await markAttendedAndClose(db, seminarId, institutionIds);
  return (await enrolmentsOf(db, seminarId)).filter((e) => e.attended === 1).length;
}

export type SeminarEffect = {
  runs: { before: number; after: number };
  score: EffectEstimate;
  rules: (EffectEstimate & { ruleId: string })[];
};

/**
 * The change of the attendees' pages against comparable pages that did not attend (same region, kind and
 * starting level), from the last audit ending by `from` to the first ending after `to`; on the score and on
 * each rule's pass rate.
 */
async function effectBetween(
  db: Db,
  regionCodes: string[] | null,
  from: number,
  to: number,
  attended: Set<number>,
): Promise<SeminarEffect> {
  const around = await resultsAround(db, regionCodes, from, to);
  if (!around)
    throw new AppError('CONFLICT', 'the effect needs an audit before the seminar and one after it');
  const after = new Map(around.after.map((r) => [r.page_id, r]));
  const pairs = around.before.flatMap((b) => {
    const a = after.get(b.page_id);
    return a
      ? [
          {
            b,
            a,
            treated: attended.has(b.institution_id ?? -1),
            stratum: `${b.region_code}|${b.kind}|${b.level}`,
          },
        ]
      : [];
  });
  const score = differenceInDifferences(
    pairs.map((p) => ({ stratum: p.stratum, treated: p.treated, before: p.b.total, after: p.a.total })),
  );
  const passOf = (json: string) =>
    new Map(
      Object.entries(JSON.parse(json) as Record<string, { status: string }>).map(([id, r]) => [id, r.status]),
    );
  const ruleUnits = new Map<string, EffectUnit[]>();
  for (const p of pairs) {
    const before = passOf(p.b.results_json);
    const afterStatus = passOf(p.a.results_json);
    for (const [ruleId, status] of before) {
      const later = afterStatus.get(ruleId);
      // Not applicable or unreadable either time: the rule says nothing about this page's change.
      if (!later || status === 'na' || later === 'na' || status === 'error' || later === 'error') continue;
      const list = ruleUnits.get(ruleId) ?? [];
      list.push({
        stratum: p.stratum,
        treated: p.treated,
        before: status === 'pass' ? 1 : 0,
        after: later === 'pass' ? 1 : 0,
      });
      ruleUnits.set(ruleId, list);
    }
  }
  const rules = [...ruleUnits.entries()]
    .map(([ruleId, units]) => ({ ruleId, ...differenceInDifferences(units, { iterations: 400 }) }))
    .filter((r) => r.effect !== null)
    .sort((x, y) => (y.effect ?? 0) - (x.effect ?? 0));
  return { runs: around.runs, score, rules };
}

/** One seminar's effect, in its region. */
export async function seminarEffect(db: Db, caller: Caller, seminarId: number): Promise<SeminarEffect> {
  const seminar = await seminarFor(db, caller, seminarId);
  return effectBetween(
    db,
    [seminar.region_code],
    seminar.starts_at,
    seminar.ends_at,
    await attendeesOf(db, [seminarId]),
  );
}

/**
 * The effect of all seminars of the caller's area held in a period: attendees of any of them against pages of
 * the same regions that attended none, from the audit before the first to the audit after the last.
 */
export async function periodEffect(db: Db, caller: Caller, from: number, to: number) {
  const held = (await listSeminarsInScope(db, caller.scope)).filter(
    (s) => s.status !== 'cancelled' && s.starts_at >= from && s.starts_at < to,
  );
  if (held.length === 0) throw new AppError('NOT_FOUND', 'no seminars in this period in your scope');
  const attended = await attendeesOf(
    db,
    held.map((s) => s.id),
  );
  const regions = [...new Set(held.map((s) => s.region_code))];
  const effect = await effectBetween(
    db,
    regions,
    Math.min(...held.map((s) => s.starts_at)),
    Math.max(...held.map((s) => s.ends_at)),
    attended,
  );
  return { seminars: held.length, ...effect };
}

export type SeminarView = {
  id: number;
  title: string;
  programme: string[];
  organiserKind: string;
  organiser: string;
  trainers: string[];
  format: string;
  link: string | null;
  place: string | null;
  startsAt: number;
  endsAt: number;
  timezone: string;
  regionCode: string;
  municipalityId: number | null;
  capacity: number;
  audience: AudienceRule;
  status: string;
};

function view(s: Awaited<ReturnType<typeof seminarInScope>> & object): SeminarView {
  return {
    id: s.id,
    title: s.title,
    programme: JSON.parse(s.programme_json) as string[],
    organiserKind: s.organiser_kind,
    organiser: s.organiser,
    trainers: JSON.parse(s.trainers_json) as string[],
    format: s.format,
    // A link stored before only web addresses were accepted is not handed to a browser.
    link: s.link !== null && isWebAddress(s.link) ? s.link : null,
    place: s.place,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    timezone: s.timezone,
    regionCode: s.region_code,
    municipalityId: s.municipality_id,
    capacity: s.capacity,
    audience: JSON.parse(s.audience_json) as AudienceRule,
    status: s.status,
  };
}

/**
 * Seminars the caller sees, newest first, with their seats taken, places waiting and attendees; an
 * institution's caller also gets its own enrolment in each.
 */
export async function listSeminars(db: Db, caller: Caller) {
  const seminars = await listSeminarsInScope(db, caller.scope);
  const counts = await enrolmentCounts(
    db,
    seminars.map((s) => s.id),
  );
  const mine =
    caller.scope.level === 'institution'
      ? new Map((await institutionEnrolments(db, caller.scope.institutionId)).map((e) => [e.seminar_id, e]))
      : null;
  return seminars.map((s) => {
    const own = mine?.get(s.id);
    return {
      ...view(s),
      counts: counts.get(s.id) ?? { invited: 0, registered: 0, waitlisted: 0, attended: 0 },
      mine: own
        ? { status: own.status, attended: own.attended === 1, certificateCode: own.certificate_code }
        : null,
    };
  });
}

/**
 * A seminar with the enrolments inside the caller's scope (an institution's caller sees its own only; a
 * municipality's, its municipality's), materials and whether the caller may run it.
 */
export async function getSeminar(db: Db, caller: Caller, id: number) {
  const seminar = await seminarFor(db, caller, id);
  const enrolments = await enrolmentsWithInstitutions(db, id, caller.scope);
  return {
    ...view(seminar),
    canManage: canPlan(caller, seminar.region_code, seminar.municipality_id ?? undefined),
    // Whether the effect can be measured: an audit ending by the start and one ending after the end.
    effectReady: (await auditsAround(db, seminar.starts_at, seminar.ends_at)) !== null,
    counts: (await enrolmentCounts(db, [id])).get(id) ?? {
      invited: 0,
      registered: 0,
      waitlisted: 0,
      attended: 0,
    },
    materials: (await materialsOf(db, id))
      .filter((m) => isWebAddress(m.url))
      .map((m) => ({ id: m.id, title: m.title, url: m.url })),
    enrolments: enrolments.map((e) => ({
      institutionId: e.institution_id,
      name: e.short_name ?? e.full_name,
      inn: e.inn,
      status: e.status,
      attended: e.attended === 1,
      certificateCode: e.certificate_code,
    })),
  };
}

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

/** Anyone may check a certificate by its code; the answer names the seminar and the institution only. */
export async function verifyCertificate(db: Db, code: string) {
  const found = await certificateByCode(db, code.trim().toUpperCase());
  if (!found) throw new AppError('NOT_FOUND', 'no certificate with this code');
  return {
    code: found.certificate_code as string,
    seminar: found.title,
    organiser: found.organiser,
    date: found.starts_at,
    timezone: found.timezone,
    institution: found.institution,
  };
}

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
