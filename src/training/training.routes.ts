// Thin HTTP adapters over seminars: plan, list and read, the audience a rule selects, invitations,
// registration and its cancellation, attendance, the measured effect, and the public check of a certificate.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import {
  audience,
  cancel,
  getSeminar,
  invite,
  listSeminars,
  planSeminar,
  recordAttendance,
  register,
  seminarEffect,
  verifyCertificate,
} from './training.service.ts';

const tags = ['training'];
const now = () => Math.floor(Date.now() / 1000);
const institutionBody = z.object({ institutionId: z.number().int().positive() });

const seminarBody = z.object({
  title: z.string().min(3).max(300),
  programme: z.array(z.string().min(1).max(80)).max(50),
  organiserKind: z.enum(['regional_centre', 'dialog', 'ministry']),
  organiser: z.string().min(2).max(300),
  trainers: z.array(z.string().min(2).max(200)).max(20),
  format: z.enum(['online', 'in_person']),
  link: z.url().optional(),
  place: z.string().min(2).max(300).optional(),
  startsLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(60 * 12),
  timezone: z.string().min(3).max(60),
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

export function trainingRoutes(db: Db) {
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
