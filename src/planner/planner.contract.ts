// The planner API as data: templates, a page's plan and best times, files, drafts and their review, contributors,
// the municipality's second approval and regional syndication. The routes register from here; the web app's
// client is typed from it (type-only). Answers are the services' own types (no response schemas yet).
import { z } from 'zod';
import { isoDate, unixSeconds } from '../platform/calendar-date.ts';
import { reply, route } from '../platform/http/contract.ts';
import { idParam, plainText } from '../platform/http/schemas.ts';
import type { inviteContributor, listContributors } from './contributors.service.ts';
import { DRAFT_KINDS } from './draft-content.ts';
import type { DraftDetail, PlanDraft, PlanView, SyndicationView } from './planner.types.ts';
import type { listSyndications } from './syndication.service.ts';
import type { templatesIn } from './templates.ts';

const pageParam = z.object({ pageId: z.coerce.number().int().positive() });

const draftBody = z.object({
  kind: z.enum(DRAFT_KINDS as ['text', 'poll', 'clip', 'video', 'live']),
  title: plainText(z.string().trim().min(1).max(200)),
  text: z.string().max(15_000),
  rubric: z.string().max(61).nullable().optional(),
  content: z.record(z.string(), z.unknown()).default({}),
  plannedAt: unixSeconds.nullable().optional(),
  templateId: z.string().max(60).nullable().optional(),
});

const cell = z.object({
  weekday: z.number().int(),
  hour: z.number().int(),
  posts: z.number().int(),
  reach: z.number().nullable(),
  er: z.number().nullable(),
});

export type { DraftDetail, PlanDraft, PlanView, SyndicationView };

export const plannerContract = {
  templates: route({
    method: 'GET',
    path: '/api/planner/templates',
    access: 'planner.use',
    query: z.object({ lang: z.enum(['ru', 'en']).default('ru') }),
    reply: reply<{ items: ReturnType<typeof templatesIn> }>(),
  }),
  pages: route({
    method: 'GET',
    path: '/api/planner/pages',
    access: 'planner.use',
    query: z.object({ q: z.string().max(200).optional() }),
    reply: reply<{ items: { id: number; url: string; name: string }[] }>(),
  }),
  bestTime: route({
    method: 'GET',
    path: '/api/planner/pages/:pageId/best-time',
    access: 'planner.use',
    params: pageParam,
    response: z.object({
      posts: z.number().int(),
      need: z.number().int(),
      enough: z.boolean(),
      cells: z.array(cell),
      best: z.array(cell),
      timezone: z.string(),
      windowDays: z.number().int(),
    }),
  }),
  plan: route({
    method: 'GET',
    path: '/api/planner/pages/:pageId/plan',
    access: 'planner.use',
    params: pageParam,
    query: z.object({ from: isoDate, to: isoDate }),
    reply: reply<PlanView>(),
  }),
  uploadFile: route({
    method: 'POST',
    path: '/api/planner/pages/:pageId/files',
    access: 'planner.use',
    params: pageParam,
    response: z.object({ id: z.number().int(), name: z.string(), size: z.number().int() }),
  }),
  createDraft: route({
    method: 'POST',
    path: '/api/planner/pages/:pageId/drafts',
    access: 'planner.use',
    params: pageParam,
    body: draftBody,
    response: z.object({ id: z.number().int() }),
  }),
  draft: route({
    method: 'GET',
    path: '/api/planner/drafts/:id',
    access: 'planner.use',
    reply: reply<DraftDetail>(),
  }),
  editDraft: route({
    method: 'PUT',
    path: '/api/planner/drafts/:id',
    access: 'planner.use',
    params: idParam,
    body: draftBody,
    response: z.object({ saved: z.boolean() }),
  }),
  removeDraft: route({
    method: 'DELETE',
    path: '/api/planner/drafts/:id',
    access: 'planner.use',
    params: idParam,
    response: z.object({ deleted: z.boolean() }),
  }),
  moveDraft: route({
    method: 'POST',
    path: '/api/planner/drafts/:id/move',
    access: 'drafts.manage',
    params: idParam,
    body: z.object({ plannedAt: unixSeconds }),
    response: z.object({ moved: z.boolean() }),
  }),
  approveDraft: route({
    method: 'POST',
    path: '/api/planner/drafts/:id/approve',
    access: 'drafts.manage',
    params: idParam,
    body: z.object({ plannedAt: unixSeconds.optional() }),
    response: z.object({ status: z.string() }),
  }),
  rejectDraft: route({
    method: 'POST',
    path: '/api/planner/drafts/:id/reject',
    access: 'drafts.manage',
    params: idParam,
    body: z.object({ comment: z.string().max(2000) }),
    response: z.object({ rejected: z.boolean() }),
  }),
  municipalityDecision: route({
    method: 'POST',
    path: '/api/planner/drafts/:id/municipality',
    access: 'drafts.manage',
    params: idParam,
    body: z.object({ approve: z.boolean(), comment: z.string().max(2000).optional() }),
    response: z.object({ decided: z.boolean() }),
  }),
  unscheduleDraft: route({
    method: 'POST',
    path: '/api/planner/drafts/:id/unschedule',
    access: 'drafts.manage',
    params: idParam,
    response: z.object({ ok: z.boolean() }),
  }),
  review: route({
    method: 'GET',
    path: '/api/planner/review',
    access: 'drafts.manage',
    reply: reply<{ items: (PlanDraft & { page: string; timezone: string })[] }>(),
  }),
  contributors: route({
    method: 'GET',
    path: '/api/planner/pages/:pageId/contributors',
    access: 'drafts.manage',
    params: pageParam,
    reply: reply<{ items: Awaited<ReturnType<typeof listContributors>> }>(),
  }),
  inviteContributor: route({
    method: 'POST',
    path: '/api/planner/pages/:pageId/contributors',
    access: 'drafts.manage',
    params: pageParam,
    body: z.object({
      login: z.string().min(3).max(64),
      name: z.string().trim().min(2).max(200),
      kind: z.enum(['pupil', 'teacher']),
    }),
    reply: reply<Awaited<ReturnType<typeof inviteContributor>>>(),
  }),
  removeContributor: route({
    method: 'DELETE',
    path: '/api/planner/pages/:pageId/contributors/:userId',
    access: 'drafts.manage',
    params: pageParam.extend({ userId: z.coerce.number().int().positive() }),
    response: z.object({ removed: z.boolean() }),
  }),
  settings: route({
    method: 'PUT',
    path: '/api/planner/pages/:pageId/settings',
    access: 'drafts.manage',
    params: pageParam,
    body: z.object({ municipalityApproval: z.boolean() }),
    response: z.object({ municipalityApproval: z.boolean() }),
  }),
  syndications: route({
    method: 'GET',
    path: '/api/planner/syndications',
    access: 'drafts.manage',
    reply: reply<{ items: Awaited<ReturnType<typeof listSyndications>> }>(),
  }),
  syndicate: route({
    method: 'POST',
    path: '/api/planner/syndications',
    access: 'drafts.manage',
    body: z.object({
      regionCode: z.string().regex(/^\d{2}$/),
      municipalityIds: z.array(z.number().int().positive()).max(200).optional(),
      mode: z.enum(['publish', 'offer']),
      kind: z.enum(['text', 'poll']),
      title: plainText(z.string().trim().min(1).max(200)),
      text: z.string().max(15_000),
      rubric: z.string().max(61).nullable().optional(),
      content: z.record(z.string(), z.unknown()).default({}),
      plannedAt: unixSeconds.nullable().optional(),
    }),
    response: z.object({ id: z.number().int(), pages: z.number().int() }),
  }),
  syndication: route({
    method: 'GET',
    path: '/api/planner/syndications/:id',
    access: 'drafts.manage',
    reply: reply<SyndicationView>(),
  }),
};
