// Thin HTTP adapters over seminars: plan, list and read, the audience a rule selects, invitations,
// registration and its cancellation, attendance, the measured effect, and the public check of a certificate.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
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
import { trainingContract } from './training.contract.ts';
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
const c = trainingContract;

/** `publicUrl`: the configured address of the site, printed on certificates (never the request's Host). */
export function trainingRoutes(db: Db, options: { publicUrl: string }) {
  return (app: App) => {
    app.get(
      c.list.path,
      {
        config: { access: c.list.access },
        schema: { tags, summary: 'Seminars of your region or area, newest first' },
      },
      async (request) => ({ items: await listSeminars(db, principalOf(request)) }),
    );
    app.post(
      c.plan.path,
      {
        config: { access: c.plan.access },
        schema: {
          tags,
          summary: 'Plan a seminar in your region, with the rule that picks its audience',
          body: c.plan.body,
          response: { 200: c.plan.response, ...errorResponses },
        },
      },
      async (request) => ({ id: await planSeminar(db, principalOf(request), request.body, now()) }),
    );
    app.get(
      c.get.path,
      {
        config: { access: c.get.access },
        schema: { tags, summary: 'A seminar and its enrolments', params: c.get.params },
      },
      async (request) => getSeminar(db, principalOf(request), request.params.id),
    );
    app.get(
      c.audience.path,
      {
        config: { access: c.audience.access },
        schema: {
          tags,
          summary: 'The institutions the seminar’s rule selects, before anyone is invited',
          params: c.audience.params,
        },
      },
      async (request) => {
        const items = await audience(db, principalOf(request), request.params.id);
        return { items, total: items.length };
      },
    );
    app.post(
      c.invite.path,
      {
        config: { access: c.invite.access },
        schema: {
          tags,
          summary: 'Invite the audience (once each)',
          params: c.invite.params,
          response: { 200: c.invite.response, ...errorResponses },
        },
      },
      async (request) => ({ invited: await invite(db, principalOf(request), request.params.id, now()) }),
    );
    app.post(
      c.register.path,
      {
        config: { access: c.register.access },
        schema: {
          tags,
          summary: 'Register an institution: a seat while there is one, else the waiting list',
          params: c.register.params,
          body: c.register.body,
          response: { 200: c.register.response, ...errorResponses },
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
      c.cancel.path,
      {
        config: { access: c.cancel.access },
        schema: {
          tags,
          summary: 'Cancel a registration; the first on the waiting list takes the seat',
          params: c.cancel.params,
          body: c.cancel.body,
          response: { 200: c.cancel.response, ...errorResponses },
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
      c.attendance.path,
      {
        config: { access: c.attendance.access },
        schema: {
          tags,
          summary: 'Mark who attended (registered institutions); each gets a certificate code',
          params: c.attendance.params,
          body: c.attendance.body,
          response: { 200: c.attendance.response, ...errorResponses },
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
      c.effect.path,
      {
        config: { access: c.effect.access },
        schema: {
          tags,
          summary:
            'The change of attendees’ pages against comparable pages, from the audit before to the one after',
          params: c.effect.params,
          response: {
            200: c.effect.response,
            ...errorResponses,
          },
        },
      },
      async (request) => seminarEffect(db, principalOf(request), request.params.id),
    );
    app.get(
      c.periodEffect.path,
      {
        config: { access: c.periodEffect.access },
        schema: {
          tags,
          summary:
            'The effect of all seminars of your area held in a period (from, to: YYYY-MM-DD): attendees of any against pages that attended none',
          querystring: c.periodEffect.query,
          response: {
            200: c.periodEffect.response,
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
      c.callOff.path,
      {
        config: { access: c.callOff.access },
        schema: {
          tags,
          summary: 'Call a planned seminar off; everyone registered or waiting is notified',
          params: c.callOff.params,
          response: { 200: c.callOff.response, ...errorResponses },
        },
      },
      async (request) => ({
        notified: await cancelSeminar(db, principalOf(request), request.params.id, now()),
      }),
    );
    app.post(
      c.uploadAttendance.path,
      {
        config: { access: c.uploadAttendance.access },
        schema: {
          tags,
          summary:
            'Attendance from a list (multipart field "file": CSV with a column "ИНН", or INNs in the first column). A bad row changes nothing unless skipInvalid; dryRun only checks.',
          params: c.uploadAttendance.params,
          querystring: c.uploadAttendance.query,
          response: {
            200: c.uploadAttendance.response,
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
      c.addMaterial.path,
      {
        config: { access: c.addMaterial.access },
        schema: {
          tags,
          summary: 'Add a material (slides, recording, handout) by its address',
          params: c.addMaterial.params,
          body: c.addMaterial.body,
          response: { 200: c.addMaterial.response, ...errorResponses },
        },
      },
      async (request) => ({
        id: await addMaterial(db, principalOf(request), request.params.id, request.body, now()),
      }),
    );
    app.delete(
      c.removeMaterial.path,
      {
        config: { access: c.removeMaterial.access },
        schema: {
          tags,
          summary: 'Remove a material',
          params: c.removeMaterial.params,
          response: { 200: c.removeMaterial.response, ...errorResponses },
        },
      },
      async (request) => {
        await removeMaterial(db, principalOf(request), request.params.id, request.params.materialId);
        return { removed: true };
      },
    );
    app.post(
      c.giveFeedback.path,
      {
        config: { access: c.giveFeedback.access },
        schema: {
          tags,
          summary: 'An attendee’s short feedback: a rating 1–5, the programme items found useful, a comment',
          params: c.giveFeedback.params,
          body: c.giveFeedback.body,
          response: { 200: c.giveFeedback.response, ...errorResponses },
        },
      },
      async (request) => {
        await giveFeedback(db, principalOf(request), request.params.id, request.body, now());
        return { saved: true };
      },
    );
    app.get(
      c.feedback.path,
      {
        config: { access: c.feedback.access },
        schema: {
          tags,
          summary: 'The feedback’s summary: mean rating, useful items, comments',
          params: c.feedback.params,
        },
      },
      async (request) => feedbackSummary(db, principalOf(request), request.params.id),
    );
    app.get(
      c.certificate.path,
      {
        config: { access: c.certificate.access },
        schema: {
          tags,
          summary: 'An attendee’s certificate as PDF, with its verification code',
          params: c.certificate.params,
          querystring: c.certificate.query,
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
      c.verifyCertificate.path,
      {
        config: { access: c.verifyCertificate.access },
        schema: {
          tags,
          summary: 'Check a certificate by its code: the seminar and the institution, no person named',
          params: c.verifyCertificate.params,
        },
      },
      async (request) => verifyCertificate(db, request.params.code),
    );
  };
}
