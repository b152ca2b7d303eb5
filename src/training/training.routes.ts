// Thin HTTP adapters over seminars: plan, list and read, the audience a rule selects, invitations,
// registration and its cancellation, attendance, the measured effect, and the public check of a certificate.
import { z } from 'zod';
import { isoDate, localDateTime, timeZone } from '../platform/calendar-date.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam, plainText, queryFlag } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { receiveFile, UPLOAD_LIMITS } from '../platform/http/upload.ts';
import {
  addMaterial,
  certificatePdf,
  feedbackSummary,
  giveFeedback,
  removeMaterial,
  uploadAttendance,
} from './seminar-follow-up.service.ts';
import {
  audience,
  cancel,
  cancelSeminar,
  getSeminar,
  invite,
  listSeminars,
  periodEffect,
  planSeminar,
  recordAttendance,
  register,
  seminarEffect,
  verifyCertificate,
} from './training.service.ts';

const tags = ['training'];
const now = () => Math.floor(Date.now() / 1000);
const institutionBody = z.object({ institutionId: z.number().int().positive() });
// Links are web addresses only: `javascript:`, `data:` or `file:` would run or open something on a click.
const webUrl = z.url({ protocol: /^https?$/, error: 'expected an http or https address' });

const seminarBody = z.object({
  title: plainText(z.string().min(3).max(300)),
  programme: z.array(z.string().min(1).max(80)).max(50),
  organiserKind: z.enum(['regional_centre', 'dialog', 'ministry']),
  organiser: plainText(z.string().min(2).max(300)),
  trainers: z.array(plainText(z.string().min(2).max(200))).max(20),
  format: z.enum(['online', 'in_person']),
  link: webUrl.optional(),
  place: z.string().min(2).max(300).optional(),
  startsLocal: localDateTime,
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(60 * 12),
  timezone: timeZone.optional(),
  regionCode: z.string().regex(/^\d{2}$/),
  municipalityId: z.number().int().positive().optional(),
  capacity: z.number().int().min(1).max(10_000),
  audience: z.object({
    levels: z.array(z.string().max(40)).max(10).optional(),
    failingRules: z.array(z.string().max(60)).max(60).optional(),
    municipalityIds: z.array(z.number().int().positive()).max(200).optional(),
    kinds: z
      .array(z.enum(['school', 'kindergarten', 'college', 'additional']))
      .max(4)
      .optional(),
  }),
});

const estimate = z.object({
  effect: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  treated: z.number().int(),
  controls: z.number().int(),
  unmatched: z.number().int(),
});

/** `publicUrl`: the configured address of the site, printed on certificates (never the request's Host). */
export function trainingRoutes(db: Db, options: { publicUrl: string }) {
  return (app: App) => {
    app.get(
      '/api/seminars',
      {
        config: { access: 'data.read' },
        schema: { tags, summary: 'Seminars of your region or area, newest first' },
      },
      async (request) => ({ items: await listSeminars(db, principalOf(request)) }),
    );
    app.post(
      '/api/seminars',
      {
        config: { access: 'seminars.manage' },
        schema: {
          tags,
          summary: 'Plan a seminar in your region, with the rule that picks its audience',
          body: seminarBody,
          response: { 200: z.object({ id: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => ({ id: await planSeminar(db, principalOf(request), request.body, now()) }),
    );
    app.get(
      '/api/seminars/:id',
      {
        config: { access: 'data.read' },
        schema: { tags, summary: 'A seminar and its enrolments', params: idParam },
      },
      async (request) => getSeminar(db, principalOf(request), request.params.id),
    );
    app.get(
      '/api/seminars/:id/audience',
      {
        config: { access: 'seminars.manage' },
        schema: {
          tags,
          summary: 'The institutions the seminar’s rule selects, before anyone is invited',
          params: idParam,
        },
      },
      async (request) => {
        const items = await audience(db, principalOf(request), request.params.id);
        return { items, total: items.length };
      },
    );
    app.post(
      '/api/seminars/:id/invite',
      {
        config: { access: 'seminars.manage' },
        schema: {
          tags,
          summary: 'Invite the audience (once each)',
          params: idParam,
          response: { 200: z.object({ invited: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => ({ invited: await invite(db, principalOf(request), request.params.id, now()) }),
    );
    app.post(
      '/api/seminars/:id/register',
      {
        config: { access: 'seminars.enrol' },
        schema: {
          tags,
          summary: 'Register an institution: a seat while there is one, else the waiting list',
          params: idParam,
          body: institutionBody,
          response: { 200: z.object({ status: z.enum(['registered', 'waitlisted']) }), ...errorResponses },
        },
      },
      async (request) => ({
        status: (await register(
          db,
          principalOf(request),
          request.params.id,
          request.body.institutionId,
          now(),
        )) as 'registered' | 'waitlisted',
      }),
    );
    app.post(
      '/api/seminars/:id/cancel',
      {
        config: { access: 'seminars.enrol' },
        schema: {
          tags,
          summary: 'Cancel a registration; the first on the waiting list takes the seat',
          params: idParam,
          body: institutionBody,
          response: { 200: z.object({ promoted: z.number().int().nullable() }), ...errorResponses },
        },
      },
      async (request) => ({
        promoted: await cancel(
          db,
          principalOf(request),
          request.params.id,
          request.body.institutionId,
          now(),
        ),
      }),
    );
    app.post(
      '/api/seminars/:id/attendance',
      {
        config: { access: 'seminars.manage' },
        schema: {
          tags,
          summary: 'Mark who attended (registered institutions); each gets a certificate code',
          params: idParam,
          body: z.object({ institutionIds: z.array(z.number().int().positive()).max(10_000) }),
          response: { 200: z.object({ attended: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => ({
        attended: await recordAttendance(
          db,
          principalOf(request),
          request.params.id,
          request.body.institutionIds,
        ),
      }),
    );
    app.get(
      '/api/seminars/:id/effect',
      {
        config: { access: 'data.read' },
        schema: {
          tags,
          summary:
            'The change of attendees’ pages against comparable pages, from the audit before to the one after',
          params: idParam,
          response: {
            200: z.object({
              runs: z.object({ before: z.number().int(), after: z.number().int() }),
              score: estimate,
              rules: z.array(estimate.extend({ ruleId: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => seminarEffect(db, principalOf(request), request.params.id),
    );
    app.get(
      '/api/seminars/effect',
      {
        config: { access: 'data.read' },
        schema: {
          tags,
          summary:
            'The effect of all seminars of your area held in a period (from, to: YYYY-MM-DD): attendees of any against pages that attended none',
          querystring: z.object({ from: isoDate, to: isoDate }),
          response: {
            200: z.object({
              seminars: z.number().int(),
              runs: z.object({ before: z.number().int(), after: z.number().int() }),
              score: estimate,
              rules: z.array(estimate.extend({ ruleId: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const from = Date.parse(`${request.query.from}T00:00:00Z`) / 1000;
        const to = Date.parse(`${request.query.to}T00:00:00Z`) / 1000 + 86_400;
        if (to <= from) throw new AppError('VALIDATION', 'query.to: the period ends before it starts');
        return periodEffect(db, principalOf(request), from, to);
      },
    );
    app.post(
      '/api/seminars/:id/call-off',
      {
        config: { access: 'seminars.manage' },
        schema: {
          tags,
          summary: 'Call a planned seminar off; everyone registered or waiting is notified',
          params: idParam,
          response: { 200: z.object({ notified: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => ({
        notified: await cancelSeminar(db, principalOf(request), request.params.id, now()),
      }),
    );
    app.post(
      '/api/seminars/:id/attendance/upload',
      {
        config: { access: 'seminars.manage' },
        schema: {
          tags,
          summary:
            'Attendance from a list (multipart field "file": CSV with a column "ИНН", or INNs in the first column). A bad row changes nothing unless skipInvalid; dryRun only checks.',
          params: idParam,
          querystring: z.object({ dryRun: queryFlag, skipInvalid: queryFlag }),
          response: {
            200: z.object({
              rows: z.number().int(),
              matched: z.number().int(),
              applied: z.boolean(),
              problems: z.array(z.object({ path: z.string(), message: z.string() })),
              moreProblems: z.number().int(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        // Streamed to a temporary file within the route's limit, read from there in a worker thread.
        const file = await receiveFile(request, {
          maxBytes: UPLOAD_LIMITS.attendance,
          missing: 'send the list as multipart/form-data with a "file" field',
        });
        try {
          return await uploadAttendance(db, principalOf(request), request.params.id, file, {
            dryRun: request.query.dryRun ?? false,
            skipInvalid: request.query.skipInvalid ?? false,
          });
        } finally {
          file.discard();
        }
      },
    );
    app.post(
      '/api/seminars/:id/materials',
      {
        config: { access: 'seminars.manage' },
        schema: {
          tags,
          summary: 'Add a material (slides, recording, handout) by its address',
          params: idParam,
          body: z.object({ title: plainText(z.string().min(2).max(300)), url: webUrl }),
          response: { 200: z.object({ id: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => ({
        id: await addMaterial(db, principalOf(request), request.params.id, request.body, now()),
      }),
    );
    app.delete(
      '/api/seminars/:id/materials/:materialId',
      {
        config: { access: 'seminars.manage' },
        schema: {
          tags,
          summary: 'Remove a material',
          params: idParam.extend({ materialId: z.coerce.number().int().positive() }),
          response: { 200: z.object({ removed: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        await removeMaterial(db, principalOf(request), request.params.id, request.params.materialId);
        return { removed: true };
      },
    );
    app.post(
      '/api/seminars/:id/feedback',
      {
        config: { access: 'seminars.enrol' },
        schema: {
          tags,
          summary: 'An attendee’s short feedback: a rating 1–5, the programme items found useful, a comment',
          params: idParam,
          body: z.object({
            institutionId: z.number().int().positive(),
            rating: z.number().int().min(1).max(5),
            useful: z.array(z.string().max(80)).max(50).default([]),
            comment: z.string().max(2000).optional(),
          }),
          response: { 200: z.object({ saved: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        await giveFeedback(db, principalOf(request), request.params.id, request.body, now());
        return { saved: true };
      },
    );
    app.get(
      '/api/seminars/:id/feedback',
      {
        config: { access: 'data.read' },
        schema: {
          tags,
          summary: 'The feedback’s summary: mean rating, useful items, comments',
          params: idParam,
        },
      },
      async (request) => feedbackSummary(db, principalOf(request), request.params.id),
    );
    app.get(
      '/api/seminars/:id/certificates/:institutionId',
      {
        config: { access: 'data.read' },
        schema: {
          tags,
          summary: 'An attendee’s certificate as PDF, with its verification code',
          params: idParam.extend({ institutionId: z.coerce.number().int().positive() }),
          querystring: z.object({ lang: z.enum(['ru', 'en']).default('ru') }),
        },
      },
      async (request, reply) => {
        const origin = options.publicUrl.replace(/\/+$/, '');
        const { pdf, code } = await certificatePdf(
          db,
          principalOf(request),
          request.params.id,
          request.params.institutionId,
          { lang: request.query.lang, origin },
        );
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename="publica-certificate-${code}.pdf"`)
          .send(pdf);
      },
    );
    app.get(
      '/api/certificates/:code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Check a certificate by its code: the seminar and the institution, no person named',
          params: z.object({ code: z.string().regex(/^[0-9A-Fa-f]{12}$/) }),
        },
      },
      async (request) => verifyCertificate(db, request.params.code),
    );
  };
}
