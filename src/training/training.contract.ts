// The training API as data: every seminar route's method, path, access and zod shapes. The routes register
// from here; the web app's client takes its paths and answer types from here (type-only).
import { z } from 'zod';
import { isoDate, localDateTime, timeZone } from '../platform/calendar-date.ts';
import { reply, route } from '../platform/http/contract.ts';
import { idParam, plainText, queryFlag } from '../platform/http/schemas.ts';
import { INSTITUTION_KINDS } from '../platform/vocabulary.ts';
import type { audience, verifyCertificate } from './training.service.ts';
import type { FeedbackSummary, SeminarDetail, SeminarListItem } from './training.types.ts';

const institutionBody = z.object({ institutionId: z.number().int().positive() });
// Links are web addresses only: `javascript:`, `data:` or `file:` would run or open something on a click.
const webUrl = z.url({ protocol: /^https?$/, error: 'expected an http or https address' });

export const seminarBody = z.object({
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
    kinds: z.array(z.enum(INSTITUTION_KINDS)).max(4).optional(),
  }),
});
export type SeminarBody = z.input<typeof seminarBody>;

const estimate = z.object({
  effect: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  treated: z.number().int(),
  controls: z.number().int(),
  unmatched: z.number().int(),
});

export const seminarEffect = z.object({
  runs: z.object({ before: z.number().int(), after: z.number().int() }),
  score: estimate,
  rules: z.array(estimate.extend({ ruleId: z.string() })),
});

export const periodEffect = z.object({
  seminars: z.number().int(),
  runs: z.object({ before: z.number().int(), after: z.number().int() }),
  score: estimate,
  rules: z.array(estimate.extend({ ruleId: z.string() })),
});

export const attendanceUpload = z.object({
  rows: z.number().int(),
  matched: z.number().int(),
  applied: z.boolean(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  moreProblems: z.number().int(),
});

export type AudienceItem = Awaited<ReturnType<typeof audience>>[number];
export type Certificate = Awaited<ReturnType<typeof verifyCertificate>>;

export type { SeminarDetail, SeminarEffectView } from './training.types.ts';

export const trainingContract = {
  list: route({
    method: 'GET',
    path: '/api/seminars',
    access: 'data.read',
    reply: reply<{ items: SeminarListItem[] }>(),
  }),
  plan: route({
    method: 'POST',
    path: '/api/seminars',
    access: 'seminars.manage',
    body: seminarBody,
    response: z.object({ id: z.number().int() }),
  }),
  get: route({
    method: 'GET',
    path: '/api/seminars/:id',
    access: 'data.read',
    params: idParam,
    reply: reply<SeminarDetail>(),
  }),
  audience: route({
    method: 'GET',
    path: '/api/seminars/:id/audience',
    access: 'seminars.manage',
    params: idParam,
    reply: reply<{ items: AudienceItem[]; total: number }>(),
  }),
  invite: route({
    method: 'POST',
    path: '/api/seminars/:id/invite',
    access: 'seminars.manage',
    params: idParam,
    response: z.object({ invited: z.number().int() }),
  }),
  register: route({
    method: 'POST',
    path: '/api/seminars/:id/register',
    access: 'seminars.enrol',
    params: idParam,
    body: institutionBody,
    response: z.object({ status: z.enum(['registered', 'waitlisted']) }),
  }),
  cancel: route({
    method: 'POST',
    path: '/api/seminars/:id/cancel',
    access: 'seminars.enrol',
    params: idParam,
    body: institutionBody,
    response: z.object({ promoted: z.number().int().nullable() }),
  }),
  attendance: route({
    method: 'POST',
    path: '/api/seminars/:id/attendance',
    access: 'seminars.manage',
    params: idParam,
    body: z.object({ institutionIds: z.array(z.number().int().positive()).max(10_000) }),
    response: z.object({ attended: z.number().int() }),
  }),
  effect: route({
    method: 'GET',
    path: '/api/seminars/:id/effect',
    access: 'data.read',
    params: idParam,
    response: seminarEffect,
  }),
  periodEffect: route({
    method: 'GET',
    path: '/api/seminars/effect',
    access: 'data.read',
    query: z.object({ from: isoDate, to: isoDate }),
    response: periodEffect,
  }),
  callOff: route({
    method: 'POST',
    path: '/api/seminars/:id/call-off',
    access: 'seminars.manage',
    params: idParam,
    response: z.object({ notified: z.number().int() }),
  }),
  uploadAttendance: route({
    method: 'POST',
    path: '/api/seminars/:id/attendance/upload',
    access: 'seminars.manage',
    params: idParam,
    query: z.object({ dryRun: queryFlag, skipInvalid: queryFlag }),
    response: attendanceUpload,
  }),
  addMaterial: route({
    method: 'POST',
    path: '/api/seminars/:id/materials',
    access: 'seminars.manage',
    params: idParam,
    body: z.object({ title: plainText(z.string().min(2).max(300)), url: webUrl }),
    response: z.object({ id: z.number().int() }),
  }),
  removeMaterial: route({
    method: 'DELETE',
    path: '/api/seminars/:id/materials/:materialId',
    access: 'seminars.manage',
    params: idParam.extend({ materialId: z.coerce.number().int().positive() }),
    response: z.object({ removed: z.boolean() }),
  }),
  giveFeedback: route({
    method: 'POST',
    path: '/api/seminars/:id/feedback',
    access: 'seminars.enrol',
    params: idParam,
    body: z.object({
      institutionId: z.number().int().positive(),
      rating: z.number().int().min(1).max(5),
      useful: z.array(z.string().max(80)).max(50).default([]),
      comment: z.string().max(2000).optional(),
    }),
    response: z.object({ saved: z.boolean() }),
  }),
  feedback: route({
    method: 'GET',
    path: '/api/seminars/:id/feedback',
    access: 'data.read',
    params: idParam,
    reply: reply<FeedbackSummary>(),
  }),
  certificate: route({
    method: 'GET',
    path: '/api/seminars/:id/certificates/:institutionId',
    access: 'data.read',
    params: idParam.extend({ institutionId: z.coerce.number().int().positive() }),
    query: z.object({ lang: z.enum(['ru', 'en']).default('ru') }),
    reply: reply<Uint8Array>(),
  }),
  verifyCertificate: route({
    method: 'GET',
    path: '/api/certificates/:code',
    access: 'public',
    params: z.object({ code: z.string().regex(/^[0-9A-Fa-f]{12}$/) }),
    reply: reply<Certificate>(),
  }),
};
