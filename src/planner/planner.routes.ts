// Thin HTTP adapters over the planner: templates, a page's plan, files, drafts and their review, contributors,
// the municipality's second approval, and regional syndication. Who may do what on which page is the
// services' check (a page admin manages; a contributor proposes for their own page).
import { z } from 'zod';
import { isoDate, unixSeconds } from '../platform/calendar-date.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam, plainText } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { receiveFile } from '../platform/http/upload.ts';
import { pageBestTime } from './best-time.service.ts';
import { inviteContributor, listContributors, removeContributor } from './contributors.service.ts';
import { DRAFT_KINDS } from './draft-content.ts';
import {
  approveDraft,
  createDraft,
  editDraft,
  moveDraft,
  municipalityDecision,
  plannerPage,
  rejectDraft,
  removeDraft,
  unscheduleDraft,
} from './drafts.service.ts';
import { draftDetail, draftView, pagePlan } from './plan.service.ts';
import {
  draftsAwaiting,
  pagesOfContributor,
  plannablePages,
  setMunicipalityApproval,
} from './planner.repo.ts';
import { FILE_LIMITS, type FileStore, keepFile } from './planner-files.service.ts';
import { listSyndications, syndicate, syndicationStatus } from './syndication.service.ts';
import { templatesIn } from './templates.ts';

const tags = ['planner'];
const now = () => Math.floor(Date.now() / 1000);
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

export function plannerRoutes(db: Db, files: FileStore) {
  return (app: App) => {
    const caller = (request: Parameters<typeof principalOf>[0]) => principalOf(request);
    app.get(
      '/api/planner/templates',
      {
        config: { access: 'planner.use' },
        schema: {
          tags,
          summary: 'Drafts to start from',
          querystring: z.object({ lang: z.enum(['ru', 'en']).default('ru') }),
        },
      },
      async (request) => ({ items: templatesIn(request.query.lang) }),
    );
    app.get(
      '/api/planner/pages',
      {
        config: { access: 'planner.use' },
        schema: {
          tags,
          summary: 'Pages you may plan (a contributor: the pages you propose for)',
          querystring: z.object({ q: z.string().max(200).optional() }),
        },
      },
      async (request) => {
        const p = caller(request);
        const manages = p.permissions.has('drafts.manage');
        if (!manages && !p.permissions.has('drafts.propose')) return { items: [] };
        const rows = await plannablePages(db, p.scope, {
          q: request.query.q,
          only: manages ? undefined : await pagesOfContributor(db, p.userId),
        });
        return { items: rows.map((r) => ({ id: r.id, url: r.url, name: r.short_name ?? r.full_name })) };
      },
    );
    const cell = z.object({
      weekday: z.number().int(),
      hour: z.number().int(),
      posts: z.number().int(),
      reach: z.number().nullable(),
      er: z.number().nullable(),
    });
    app.get(
      '/api/planner/pages/:pageId/best-time',
      {
        config: { access: 'planner.use' },
        schema: {
          tags,
          summary:
            'When this page’s own posts got the most views: local weekday × 3-hour slots, the best three (or not enough data)',
          params: pageParam,
          response: {
            200: z.object({
              posts: z.number().int(),
              need: z.number().int(),
              enough: z.boolean(),
              cells: z.array(cell),
              best: z.array(cell),
              timezone: z.string(),
              windowDays: z.number().int(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => pageBestTime(db, caller(request), request.params.pageId, now()),
    );
    app.get(
      '/api/planner/pages/:pageId/plan',
      {
        config: { access: 'planner.use' },
        schema: {
          tags,
          summary:
            'A page’s plan between two local dates: drafts, posts, school events, weekly gaps, content mix',
          params: pageParam,
          querystring: z.object({ from: isoDate, to: isoDate }),
        },
      },
      async (request) =>
        pagePlan(db, caller(request), request.params.pageId, request.query.from, request.query.to),
    );
    app.post(
      '/api/planner/pages/:pageId/files',
      {
        config: { access: 'planner.use' },
        schema: {
          tags,
          summary:
            'Upload a photo (PNG, JPEG, GIF, WebP; 20 MiB) or a video (MP4, MOV, WebM; 64 MiB) for the page’s drafts (multipart field "file"); 1 GiB per page',
          params: pageParam,
          response: {
            200: z.object({ id: z.number().int(), name: z.string(), size: z.number().int() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        await plannerPage(db, caller(request), request.params.pageId);
        // Streamed into the files directory within the largest limit (a video's); the type then comes from
        // the bytes, the photo limit and the page's quota are checked, and only then is the file kept.
        const upload = await receiveFile(request, { maxBytes: FILE_LIMITS.video, dir: files.incoming() });
        const kept = await keepFile(db, files, upload, {
          pageId: request.params.pageId,
          by: caller(request).userId,
          at: now(),
        });
        return { id: kept.id, name: kept.name, size: kept.size };
      },
    );
    app.post(
      '/api/planner/pages/:pageId/drafts',
      {
        config: { access: 'planner.use' },
        schema: {
          tags,
          summary: 'A new draft (a contributor’s is a proposal for review)',
          params: pageParam,
          body: draftBody,
          response: { 200: z.object({ id: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => ({
        id: await createDraft(db, caller(request), request.params.pageId, request.body, now()),
      }),
    );
    app.get(
      '/api/planner/drafts/:id',
      {
        config: { access: 'planner.use' },
        schema: { tags, summary: 'A draft, with the methodology rules it helps meet', params: idParam },
      },
      async (request) => draftDetail(db, caller(request), request.params.id, now()),
    );
    app.put(
      '/api/planner/drafts/:id',
      {
        config: { access: 'planner.use' },
        schema: {
          tags,
          summary: 'Edit a draft',
          params: idParam,
          body: draftBody,
          response: { 200: z.object({ saved: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        await editDraft(db, caller(request), request.params.id, request.body, now());
        return { saved: true };
      },
    );
    app.delete(
      '/api/planner/drafts/:id',
      {
        config: { access: 'planner.use' },
        schema: {
          tags,
          summary: 'Delete a draft not yet published',
          params: idParam,
          response: { 200: z.object({ deleted: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        await removeDraft(db, caller(request), request.params.id);
        return { deleted: true };
      },
    );
    app.post(
      '/api/planner/drafts/:id/move',
      {
        config: { access: 'drafts.manage' },
        schema: {
          tags,
          summary: 'Move a draft in the calendar',
          params: idParam,
          body: z.object({ plannedAt: unixSeconds }),
          response: { 200: z.object({ moved: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        await moveDraft(db, caller(request), request.params.id, request.body.plannedAt, now());
        return { moved: true };
      },
    );
    app.post(
      '/api/planner/drafts/:id/approve',
      {
        config: { access: 'drafts.manage' },
        schema: {
          tags,
          summary: 'Approve a draft for publishing at its time (or the time given; now without one)',
          params: idParam,
          body: z.object({ plannedAt: unixSeconds.optional() }),
          response: { 200: z.object({ status: z.string() }), ...errorResponses },
        },
      },
      async (request) => ({
        status: await approveDraft(db, caller(request), request.params.id, now(), request.body.plannedAt),
      }),
    );
    app.post(
      '/api/planner/drafts/:id/reject',
      {
        config: { access: 'drafts.manage' },
        schema: {
          tags,
          summary: 'Reject a draft with a comment its author reads',
          params: idParam,
          body: z.object({ comment: z.string().max(2000) }),
          response: { 200: z.object({ rejected: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        await rejectDraft(db, caller(request), request.params.id, request.body.comment, now());
        return { rejected: true };
      },
    );
    app.post(
      '/api/planner/drafts/:id/municipality',
      {
        config: { access: 'drafts.manage' },
        schema: {
          tags,
          summary: 'The municipality’s second approval (or refusal, with a comment)',
          params: idParam,
          body: z.object({ approve: z.boolean(), comment: z.string().max(2000).optional() }),
          response: { 200: z.object({ decided: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        await municipalityDecision(db, caller(request), request.params.id, request.body, now());
        return { decided: true };
      },
    );
    app.post(
      '/api/planner/drafts/:id/unschedule',
      {
        config: { access: 'drafts.manage' },
        schema: {
          tags,
          summary: 'Take a draft off the schedule',
          params: idParam,
          response: { 200: z.object({ ok: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        await unscheduleDraft(db, caller(request), request.params.id, now());
        return { ok: true };
      },
    );
    app.get(
      '/api/planner/review',
      {
        config: { access: 'drafts.manage' },
        schema: {
          tags,
          summary: 'Drafts waiting for your decision: proposals, and second approvals for municipalities',
        },
      },
      async (request) => {
        const p = caller(request);
        const statuses =
          p.scope.level === 'institution'
            ? (['proposed'] as const)
            : (['proposed', 'awaiting_municipality'] as const);
        const rows = await draftsAwaiting(db, p.scope, [...statuses]);
        return {
          items: rows.map((r) => ({
            ...draftView(r),
            page: r.short_name ?? r.full_name,
            timezone: r.timezone,
          })),
        };
      },
    );
    app.get(
      '/api/planner/pages/:pageId/contributors',
      {
        config: { access: 'drafts.manage' },
        schema: { tags, summary: 'The page’s contributors', params: pageParam },
      },
      async (request) => ({ items: await listContributors(db, caller(request), request.params.pageId) }),
    );
    app.post(
      '/api/planner/pages/:pageId/contributors',
      {
        config: { access: 'drafts.manage' },
        schema: {
          tags,
          summary:
            'Invite a pupil or teacher: an account that proposes drafts for this page (the password is shown once)',
          params: pageParam,
          body: z.object({
            login: z.string().min(3).max(64),
            name: z.string().trim().min(2).max(200),
            kind: z.enum(['pupil', 'teacher']),
          }),
        },
      },
      async (request) => {
        const p = caller(request);
        return inviteContributor(db, { ...p, ip: request.ip }, request.params.pageId, request.body, now());
      },
    );
    app.delete(
      '/api/planner/pages/:pageId/contributors/:userId',
      {
        config: { access: 'drafts.manage' },
        schema: {
          tags,
          summary: 'End a contribution (the account is disabled)',
          params: pageParam.extend({ userId: z.coerce.number().int().positive() }),
          response: { 200: z.object({ removed: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        const p = caller(request);
        await removeContributor(db, { ...p, ip: request.ip }, request.params.pageId, request.params.userId);
        return { removed: true };
      },
    );
    app.put(
      '/api/planner/pages/:pageId/settings',
      {
        config: { access: 'drafts.manage' },
        schema: {
          tags,
          summary:
            'Whether the page’s drafts also need the municipality’s approval (set by the municipality or above)',
          params: pageParam,
          body: z.object({ municipalityApproval: z.boolean() }),
          response: { 200: z.object({ municipalityApproval: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        const p = caller(request);
        if (p.scope.level === 'institution')
          throw new AppError('FORBIDDEN', 'the municipality decides which pages it approves');
        await plannerPage(db, p, request.params.pageId);
        await setMunicipalityApproval(
          db,
          request.params.pageId,
          request.body.municipalityApproval,
          p.userId,
          now(),
        );
        return { municipalityApproval: request.body.municipalityApproval };
      },
    );
    app.get(
      '/api/planner/syndications',
      {
        config: { access: 'drafts.manage' },
        schema: { tags, summary: 'Regional announcements of your region' },
      },
      async (request) => ({ items: await listSyndications(db, caller(request)) }),
    );
    app.post(
      '/api/planner/syndications',
      {
        config: { access: 'drafts.manage' },
        schema: {
          tags,
          summary:
            'Send one announcement to the region’s pages: published by each page, or offered as a draft',
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
          response: { 200: z.object({ id: z.number().int(), pages: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => syndicate(db, caller(request), request.body, now()),
    );
    app.get(
      '/api/planner/syndications/:id',
      {
        config: { access: 'drafts.manage' },
        schema: { tags, summary: 'An announcement with each page’s result', params: idParam },
      },
      async (request) => syndicationStatus(db, caller(request), request.params.id),
    );
  };
}
