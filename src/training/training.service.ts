// Seminars: planned in a region for an audience chosen by rule (levels, failing rules, municipalities, kinds)
// from the latest audit; institutions register up to the capacity and wait beyond it, a cancellation moves the
// first waiting one up; attendance is marked, which gives a certificate code; and the effect on the attendees'
// pages is measured against comparable pages that stayed away (effect.ts).
import crypto from 'node:crypto';
import type { Db } from '../platform/db.ts';
import { inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { type Scope, scopeContains } from '../platform/scope.ts';
import { instantAt } from '../platform/time-zone.ts';
import { differenceInDifferences, type EffectEstimate, type EffectUnit } from './effect.ts';
import {
  type AudienceRule,
  audienceOf,
  certificateByCode,
  enrolmentsOf,
  insertSeminar,
  listSeminarsInScope,
  markAttended,
  resultsAround,
  saveEnrolment,
  seminarInScope,
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
  timezone: string;
  regionCode: string;
  municipalityId?: number;
  capacity: number;
  audience: AudienceRule;
};

type Caller = { userId: number | null; scope: Scope };

/** The instant of a local date and time ("YYYY-MM-DDTHH:MM") in a time zone. */
export function instantIn(local: string, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new AppError('VALIDATION', 'body.startsLocal: expected YYYY-MM-DDTHH:MM');
  const [y, m, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  return instantAt({ y, m, d }, h * 3600 + mi * 60, timeZone);
}

/** A seminar is run from its own level: a region's by the region (or the country), a municipality's also by it. */
function canPlan(caller: Caller, regionCode: string, municipalityId?: number): boolean {
  return scopeContains(caller.scope, {
    regionCode,
    municipalityId: municipalityId ?? null,
    institutionId: null,
  });
}

export async function planSeminar(db: Db, caller: Caller, input: SeminarInput, now: number): Promise<number> {
  if (!canPlan(caller, input.regionCode, input.municipalityId))
    throw new AppError('NOT_FOUND', `body.regionCode: no region ${input.regionCode} in your scope`);
  if (input.format === 'online' && !input.link)
    throw new AppError('VALIDATION', 'body.link: an online seminar needs its link');
  if (input.format === 'in_person' && !input.place)
    throw new AppError('VALIDATION', 'body.place: say where it takes place');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: input.timezone });
  } catch {
    throw new AppError('VALIDATION', `body.timezone: unknown time zone "${input.timezone}"`);
  }
  const startsAt = instantIn(input.startsLocal, input.timezone);
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
    timezone: input.timezone,
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

async function seminarFor(db: Db, caller: Caller, id: number) {
  const seminar = await seminarInScope(db, caller.scope, id);
  if (!seminar) throw new AppError('NOT_FOUND', `no seminar ${id} in your scope`);
  return seminar;
}

/** A seminar the caller may run: one of their region (a municipality's admin: of their municipality). */
async function seminarToManage(db: Db, caller: Caller, id: number) {
  const seminar = await seminarFor(db, caller, id);
  if (!canPlan(caller, seminar.region_code, seminar.municipality_id ?? undefined))
    throw new AppError('FORBIDDEN', `seminar ${id} is run by the region, not by your municipality`);
  return seminar;
}

/** The institutions a seminar's rule selects: how many would be invited, before anyone is. */
export async function audience(db: Db, caller: Caller, seminarId: number) {
  const seminar = await seminarToManage(db, caller, seminarId);
  return audienceOf(db, seminar.region_code, JSON.parse(seminar.audience_json) as AudienceRule);
}

/** Invites the audience (institutions already enrolled keep their status). */
export async function invite(db: Db, caller: Caller, seminarId: number, now: number): Promise<number> {
  const seminar = await seminarToManage(db, caller, seminarId);
  const known = new Set((await enrolmentsOf(db, seminarId)).map((e) => e.institution_id));
  const fresh = (
    await audienceOf(db, seminar.region_code, JSON.parse(seminar.audience_json) as AudienceRule)
  ).filter((a) => !known.has(a.institutionId));
  await inTransaction(db, async (tx) => {
    for (const a of fresh)
      await saveEnrolment(tx, { seminarId, institutionId: a.institutionId, status: 'invited', at: now });
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
  if (caller.scope.level === 'institution' && caller.scope.institutionId !== institutionId)
    throw new AppError('NOT_FOUND', `no institution ${institutionId} in your scope`);
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
  await seminarFor(db, caller, seminarId);
  if (caller.scope.level === 'institution' && caller.scope.institutionId !== institutionId)
    throw new AppError('NOT_FOUND', `no institution ${institutionId} in your scope`);
  return inTransaction(db, async (tx) => {
    const enrolments = await enrolmentsOf(tx, seminarId);
    const current = enrolments.find((e) => e.institution_id === institutionId);
    if (!current || current.status === 'cancelled') return null;
    await saveEnrolment(tx, { seminarId, institutionId, status: 'cancelled', at: now });
    if (current.status !== 'registered') return null;
    const next = enrolments.find((e) => e.status === 'waitlisted');
    if (next)
      await saveEnrolment(tx, {
        seminarId,
        institutionId: next.institution_id,
        status: 'registered',
        at: now,
      });
    return next?.institution_id ?? null;
  });
}

/** Marks who came (registered institutions only); each gets a certificate code that can be verified. */
export async function recordAttendance(db: Db, caller: Caller, seminarId: number, institutionIds: number[]) {
  await seminarToManage(db, caller, seminarId);
  await markAttended(db, seminarId, institutionIds, () =>
    crypto.randomBytes(6).toString('hex').toUpperCase(),
  );
  return (await enrolmentsOf(db, seminarId)).filter((e) => e.attended === 1).length;
}

export type SeminarEffect = {
  runs: { before: number; after: number };
  score: EffectEstimate;
  rules: (EffectEstimate & { ruleId: string })[];
};

/**
 * The seminar's effect: attendees' pages against comparable pages of the region that did not attend (same
 * kind and starting level), from the last audit before the seminar to the first after it; on the score and on
 * each rule's pass rate.
 */
export async function seminarEffect(db: Db, caller: Caller, seminarId: number): Promise<SeminarEffect> {
  const seminar = await seminarFor(db, caller, seminarId);
  const around = await resultsAround(db, seminar.region_code, seminar.starts_at, seminar.ends_at);
  if (!around)
    throw new AppError('CONFLICT', 'the effect needs an audit before the seminar and one after it');
  const attended = new Set(
    (await enrolmentsOf(db, seminarId)).filter((e) => e.attended === 1).map((e) => e.institution_id),
  );
  const after = new Map(around.after.map((r) => [r.page_id, r]));
  const pairs = around.before.flatMap((b) => {
    const a = after.get(b.page_id);
    return a
      ? [{ b, a, treated: attended.has(b.institution_id ?? -1), stratum: `${b.kind}|${b.level}` }]
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
    link: s.link,
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

export async function listSeminars(db: Db, caller: Caller): Promise<SeminarView[]> {
  return (await listSeminarsInScope(db, caller.scope)).map(view);
}

/** A seminar with its enrolments (an institution caller sees its own enrolment only). */
export async function getSeminar(db: Db, caller: Caller, id: number) {
  const seminar = await seminarFor(db, caller, id);
  const enrolments = (await enrolmentsOf(db, id)).filter(
    (e) => caller.scope.level !== 'institution' || e.institution_id === caller.scope.institutionId,
  );
  return {
    ...view(seminar),
    enrolments: enrolments.map((e) => ({
      institutionId: e.institution_id,
      status: e.status,
      attended: e.attended === 1,
      certificateCode: e.certificate_code,
    })),
  };
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
