// What happens around a seminar besides the seats: invitations and reminders as in-app notifications, materials,
// the attendees' feedback, attendance from an uploaded list of INNs, and each attendee's certificate as a PDF.
import { listVersionIds, shippedVersion } from '../methodology/index.ts';
import { insertNotifications } from '../notifications/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Lang } from '../platform/i18n.ts';
import type { JobDefinition } from '../platform/jobs/index.ts';
import { projectFile } from '../platform/paths.ts';
import type { Scope } from '../platform/scope.ts';
import { parseSlots, runInThread } from '../platform/threads.ts';
import { regionVersion } from '../registry/index.ts';
import { htmlToPdf } from '../reports/index.ts';
import type { AttendanceInput, AttendanceLine } from './attendance-parse.worker.ts';
import { certificateHtml, certificateMessages } from './certificate.html.ts';
import {
  areaOf,
  checkInstitutions,
  isWebAddress,
  markAttendedAndClose,
  seminarFor,
  seminarNotices,
  seminarToManage,
} from './seminar-access.ts';
import {
  certificateOf,
  deleteMaterial,
  enrolmentsOf,
  feedbackOf,
  insertMaterial,
  institutionsByInn,
  materialsOf,
  saveFeedback,
  seminarsStartingBetween,
} from './training.repo.ts';

type Caller = { userId: number | null; scope: Scope };

const REMIND_AHEAD_SECONDS = 24 * 3600;

/**
 * Reminds every registered institution of a seminar starting within the next day; run by the scheduler every
 * quarter of an hour, and safe to run as often as wanted: each reminder has its key.
 */
export async function sendSeminarReminders(db: Db, now: number): Promise<number> {
  let sent = 0;
  for (const seminar of await seminarsStartingBetween(db, now, now + REMIND_AHEAD_SECONDS)) {
    const seated = (await enrolmentsOf(db, seminar.id))
      .filter((e) => e.status === 'registered')
      .map((e) => e.institution_id);
    sent += await insertNotifications(db, seminarNotices('seminar_reminder', seminar, seated, now));
  }
  return sent;
}

export async function listMaterials(db: Db, caller: Caller, seminarId: number) {
  await seminarFor(db, caller, seminarId);
  return (await materialsOf(db, seminarId))
    .filter((m) => isWebAddress(m.url))
    .map((m) => ({
      id: m.id,
      title: m.title,
      url: m.url,
      addedAt: m.added_at,
    }));
}

export async function addMaterial(
  db: Db,
  caller: Caller,
  seminarId: number,
  material: { title: string; url: string },
  now: number,
) {
  await seminarToManage(db, caller, seminarId);
  if (!isWebAddress(material.url))
    throw new AppError('VALIDATION', 'body.url: only http and https addresses', [
      { path: 'body.url', message: 'http or https only' },
    ]);
  const { id } = await insertMaterial(db, { seminarId, ...material, at: now });
  return id;
}

export async function removeMaterial(db: Db, caller: Caller, seminarId: number, materialId: number) {
  await seminarToManage(db, caller, seminarId);
  if (!(await deleteMaterial(db, seminarId, materialId)))
    throw new AppError('NOT_FOUND', `seminar ${seminarId} has no material ${materialId}`);
}

export type FeedbackInput = { institutionId: number; rating: number; useful: string[]; comment?: string };

/** An attendee's feedback (again: replaces the earlier one). Only institutions that attended may give it. */
export async function giveFeedback(
  db: Db,
  caller: Caller,
  seminarId: number,
  input: FeedbackInput,
  now: number,
) {
  const seminar = await seminarFor(db, caller, seminarId);
  await checkInstitutions(db, caller, seminar, [input.institutionId]);
  const enrolment = (await enrolmentsOf(db, seminarId)).find((e) => e.institution_id === input.institutionId);
  if (enrolment?.attended !== 1)
    throw new AppError('CONFLICT', `institution ${input.institutionId} did not attend seminar ${seminarId}`);
  const programme = new Set(JSON.parse(seminar.programme_json) as string[]);
  const stranger = input.useful.find((item) => !programme.has(item));
  if (stranger)
    throw new AppError('VALIDATION', `body.useful: "${stranger}" is not in the seminar's programme`);
  await saveFeedback(db, {
    seminarId,
    institutionId: input.institutionId,
    rating: input.rating,
    useful: input.useful,
    comment: input.comment?.trim() || null,
    at: now,
  });
}

/**
 * The feedback's summary over the answers inside the caller's scope: mean rating, how often each programme item
 * was found useful, the comments.
 */
export async function feedbackSummary(db: Db, caller: Caller, seminarId: number) {
  await seminarFor(db, caller, seminarId);
  // An institution's caller gets its own answer only; a municipality's, its municipality's; organisers, all.
  const rows = await feedbackOf(db, seminarId, caller.scope);
  const useful: Record<string, number> = {};
  for (const r of rows)
    for (const item of JSON.parse(r.useful_json) as string[]) useful[item] = (useful[item] ?? 0) + 1;
  return {
    answers: rows.length,
    meanRating: rows.length
      ? Math.round((rows.reduce((s, r) => s + r.rating, 0) / rows.length) * 100) / 100
      : null,
    useful,
    // No person is named in the comments.
    comments: rows
      .filter((r) => r.comment)
      .map((r) => ({ institutionId: r.institution_id, rating: r.rating, comment: r.comment as string })),
    mine:
      caller.scope.level === 'institution'
        ? rows[0]
          ? {
              rating: rows[0].rating,
              useful: JSON.parse(rows[0].useful_json) as string[],
              comment: rows[0].comment,
            }
          : null
        : undefined,
  };
}

type RowProblem = { path: string; message: string };

const INN = /^\d{10}(\d{2})?$/;

/** An attendance list holds at most this many rows (a seminar seats far fewer institutions). */
export const MAX_ATTENDANCE_ROWS = 5000;
/** The answer lists this many problems; `moreProblems` counts the rest. */
export const REPORTED_ATTENDANCE_PROBLEMS = 100;

const ATTENDANCE_WORKER = projectFile('src/training/attendance-parse.worker.ts');

/** Reads the list in a worker thread with a small heap: a hostile list never blocks the event loop. */
function readAttendance(file: Buffer | { path: string }): Promise<AttendanceLine[]> {
  const input: AttendanceInput = Buffer.isBuffer(file)
    ? { data: new Uint8Array(file), maxRows: MAX_ATTENDANCE_ROWS }
    : { path: file.path, maxRows: MAX_ATTENDANCE_ROWS };
  return parseSlots.run(() =>
    runInThread<AttendanceLine[]>(ATTENDANCE_WORKER, input, () => {}, { heapMb: 96 }),
  );
}

/**
 * Attendance from an uploaded list (CSV: a column headed "ИНН"/"inn", or the first column). Every row must
 * name a registered institution of the seminar; a bad row names its line and the whole list changes nothing,
 * unless `skipInvalid`. With `dryRun` nothing changes either way. The list is read off the event loop, at most
 * MAX_ATTENDANCE_ROWS rows, and the answer lists the first problems and counts the rest.
 */
export async function uploadAttendance(
  db: Db,
  caller: Caller,
  seminarId: number,
  file: Buffer | { path: string },
  options: { dryRun: boolean; skipInvalid: boolean },
) {
  const seminar = await seminarToManage(db, caller, seminarId);
  const rows = await readAttendance(file);
  if (rows.length === 0)
    throw new AppError('VALIDATION', 'file: the list has no rows', [{ path: 'file', message: 'empty' }]);
  const known = new Map(
    (
      await institutionsByInn(
        db,
        rows.map((r) => r.inn).filter((inn) => INN.test(inn)),
        { area: areaOf(seminar), scope: caller.scope },
      )
    ).map((i) => [i.inn, i]),
  );
  const seated = new Set(
    (await enrolmentsOf(db, seminarId)).filter((e) => e.status === 'registered').map((e) => e.institution_id),
  );
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const problem = (p: RowProblem) => {
    problemCount++;
    if (problems.length < REPORTED_ATTENDANCE_PROBLEMS) problems.push(p);
  };
  const ids: number[] = [];
  for (const row of rows) {
    const where = `file: line ${row.line}: ИНН`;
    const institution = known.get(row.inn);
    if (!INN.test(row.inn)) problem({ path: where, message: `"${row.inn}" is not an INN (10 or 12 digits)` });
    else if (!institution) problem({ path: where, message: `no institution with INN ${row.inn}` });
    else if (!seated.has(institution.id))
      problem({
        path: where,
        message: `${institution.short_name} (INN ${row.inn}) is not registered for this seminar`,
      });
    else ids.push(institution.id);
  }
  const refused = problemCount > 0 && !options.skipInvalid;
  if (!options.dryRun && !refused) await markAttendedAndClose(db, seminarId, ids);
  return {
    rows: rows.length,
    matched: ids.length,
    problems,
    moreProblems: problemCount - problems.length,
    applied: !options.dryRun && !refused,
  };
}

/**
 * Titles of the programme's items (methodology categories or rules) under the version the seminar's region is
 * judged by, in the reader's language.
 */
function programmeTitles(items: string[], versionId: string, lang: Lang): string[] {
  // The seminar's version first; an item it lacks (a programme written under another version) takes its title
  // from the version that has it, so a certificate never prints a bare id.
  const titles = new Map<string, string>();
  for (const id of [versionId, ...listVersionIds().filter((v) => v !== versionId)]) {
    const version = shippedVersion(id);
    for (const c of [...version.categories, ...version.rules])
      if (!titles.has(c.id)) titles.set(c.id, c.title[lang]);
  }
  return items.map((item) => titles.get(item) ?? item);
}

/** An attendee's certificate as a one-page PDF, with the code and where to check it. */
export async function certificatePdf(
  db: Db,
  caller: Caller,
  seminarId: number,
  institutionId: number,
  options: { lang: Lang; origin: string },
): Promise<{ pdf: Buffer; code: string }> {
  const seminar = await seminarFor(db, caller, seminarId);
  await checkInstitutions(db, caller, seminar, [institutionId], 'institutionId');
  const facts = await certificateOf(db, seminarId, institutionId);
  if (!facts?.certificate_code)
    throw new AppError(
      'NOT_FOUND',
      `institution ${institutionId} has no certificate of seminar ${seminarId}`,
    );
  const code = facts.certificate_code;
  const html = certificateHtml(
    {
      institution: facts.institution,
      title: facts.title,
      organiser: facts.organiser,
      trainers: JSON.parse(facts.trainers_json) as string[],
      programme: programmeTitles(
        JSON.parse(facts.programme_json) as string[],
        await regionVersion(db, seminar.region_code),
        options.lang,
      ),
      startsAt: facts.starts_at,
      timezone: facts.timezone,
      code,
      verifyUrl: `${options.origin}/verify/${code}`,
    },
    options.lang,
  );
  const pdf = await htmlToPdf(html, {
    header: facts.title,
    footer: certificateMessages.footer[options.lang],
    pageOf: options.lang === 'ru' ? 'стр. {page} из {pages}' : 'page {page} of {pages}',
  });
  return { pdf, code };
}

export const SEMINAR_REMIND = 'seminar.remind';

/** The reminders' job, enqueued by the scheduler. */
export function trainingJobs(db: Db): JobDefinition[] {
  return [
    {
      queue: SEMINAR_REMIND,
      options: { retryLimit: 2, retryDelaySeconds: 60, expireSeconds: 300 },
      handler: async () => ({ sent: await sendSeminarReminders(db, Math.floor(Date.now() / 1000)) }),
    },
  ];
}
