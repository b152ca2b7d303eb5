// Thin HTTP adapters over the planner: templates, a page's plan, files, drafts and their review, contributors,
// the municipality's second approval, and regional syndication. Who may do what on which page is the
// services' check (a page admin manages; a contributor proposes for their own page).
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { receiveFile } from '../platform/http/upload.ts';
import { pageBestTime } from './best-time.service.ts';
import { inviteContributor, listContributors, removeContributor } from './contributors.service.ts';
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
import { plannerContract } from './planner.contract.ts';
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
const c = plannerContract;
const now = () => Math.floor(Date.now() / 1000);

export function plannerRoutes(db: Db, files: FileStore) {
  return (app: App) => {
    const caller = (request: Parameters<typeof principalOf>[0]) => principalOf(request);
    app.get(
      c.templates.path,
      {
        config: { access: c.templates.access },
        schema: {
          tags,
          summary: 'Drafts to start from',
          querystring: c.templates.query,
        },
      },
      async (request) => ({ items: templatesIn(request.query.lang) }),
    );
    app.get(
      c.pages.path,
      {
        config: { access: c.pages.access },
        schema: {
          tags,
          summary: 'Pages you may plan (a contributor: the pages you propose for)',
          querystring: c.pages.query,
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
    app.get(
      c.bestTime.path,
      {
        config: { access: c.bestTime.access },
        schema: {
          tags,
          summary:
            'When this page’s own posts got the most views: local weekday × 3-hour slots, the best three (or not enough data)',
          params: c.bestTime.params,
          response: {
            200: c.bestTime.response,
            ...errorResponses,
          },
        },
      },
      async (request) => pageBestTime(db, caller(request), request.params.pageId, now()),
    );
    app.get(
      c.plan.path,
      {
        config: { access: c.plan.access },
        schema: {
          tags,
          summary:
            'A page’s plan between two local dates: drafts, posts, school events, weekly gaps, content mix',
          params: c.plan.params,
          querystring: c.plan.query,
        },
      },
      async (request) =>
        pagePlan(db, caller(request), request.params.pageId, request.query.from, request.query.to),
    );
    app.post(
      c.uploadFile.path,
      {
        config: { access: c.uploadFile.access },
        schema: {
          tags,
          summary:
            'Upload a photo (PNG, JPEG, GIF, WebP; 20 MiB) or a video (MP4, MOV, WebM; 64 MiB) for the page’s drafts (multipart field "file"); 1 GiB per page',
          params: c.uploadFile.params,
          response: {
            200: c.uploadFile.response,
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
      c.createDraft.path,
      {
        config: { access: c.createDraft.access },
        schema: {
          tags,
          summary: 'A new draft (a contributor’s is a proposal for review)',
          params: c.createDraft.params,
          body: c.createDraft.body,
          response: { 200: c.createDraft.response, ...errorResponses },
        },
      },
      async (request) => ({
        id: await createDraft(db, caller(request), request.params.pageId, request.body, now()),
      }),
    );
    app.get(
      c.draft.path,
      {
        config: { access: c.draft.access },
        schema: { tags, summary: 'A draft, with the methodology rules it helps meet', params: idParam },
      },
      async (request) => draftDetail(db, caller(request), request.params.id, now()),
    );
    app.put(
      c.editDraft.path,
      {
        config: { access: c.editDraft.access },
        schema: {
          tags,
          summary: 'Edit a draft',
          params: c.editDraft.params,
          body: c.editDraft.body,
          response: { 200: c.editDraft.response, ...errorResponses },
        },
      },
      async (request) => {
        await editDraft(db, caller(request), request.params.id, request.body, now());
        return { saved: true };
      },
    );
    app.delete(
      c.removeDraft.path,
      {
        config: { access: c.removeDraft.access },
        schema: {
          tags,
          summary: 'Delete a draft not yet published',
          params: c.removeDraft.params,
          response: { 200: c.removeDraft.response, ...errorResponses },
        },
      },
      async (request) => {
        await removeDraft(db, caller(request), request.params.id);
        return { deleted: true };
      },
    );
    app.post(
      c.moveDraft.path,
      {
        config: { access: c.moveDraft.access },
        schema: {
          tags,
          summary: 'Move a draft in the calendar',
          params: c.moveDraft.params,
          body: c.moveDraft.body,
          response: { 200: c.moveDraft.response, ...errorResponses },
        },
      },
      async (request) => {
        await moveDraft(db, caller(request), request.params.id, request.body.plannedAt, now());
        return { moved: true };
      },
    );
    app.post(
      c.approveDraft.path,
      {
        config: { access: c.approveDraft.access },
        schema: {
          tags,
          summary: 'Approve a draft for publishing at its time (or the time given; now without one)',
          params: c.approveDraft.params,
          body: c.approveDraft.body,
          response: { 200: c.approveDraft.response, ...errorResponses },
        },
      },
      async (request) => ({
        status: await approveDraft(db, caller(request), request.params.id, now(), request.body.plannedAt),
      }),
    );
    app.post(
      c.rejectDraft.path,
      {
        config: { access: c.rejectDraft.access },
        schema: {
          tags,
          summary: 'Reject a draft with a comment its author reads',
          params: c.rejectDraft.params,
          body: c.rejectDraft.body,
          response: { 200: c.rejectDraft.response, ...errorResponses },
        },
      },
      async (request) => {
        await rejectDraft(db, caller(request), request.params.id, request.body.comment, now());
        return { rejected: true };
      },
    );
    app.post(
      c.municipalityDecision.path,
      {
        config: { access: c.municipalityDecision.access },
        schema: {
          tags,
          summary: 'The municipality’s second approval (or refusal, with a comment)',
          params: c.municipalityDecision.params,
          body: c.municipalityDecision.body,
          response: { 200: c.municipalityDecision.response, ...errorResponses },
        },
      },
      async (request) => {
        await municipalityDecision(db, caller(request), request.params.id, request.body, now());
        return { decided: true };
      },
    );
    app.post(
      c.unscheduleDraft.path,
      {
        config: { access: c.unscheduleDraft.access },
        schema: {
          tags,
          summary: 'Take a draft off the schedule',
          params: c.unscheduleDraft.params,
          response: { 200: c.unscheduleDraft.response, ...errorResponses },
        },
      },
      async (request) => {
        await unscheduleDraft(db, caller(request), request.params.id, now());
        return { ok: true };
      },
    );
    app.get(
      c.review.path,
      {
        config: { access: c.review.access },
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
      c.contributors.path,
      {
        config: { access: c.contributors.access },
        schema: { tags, summary: 'The page’s contributors', params: c.contributors.params },
      },
      async (request) => ({ items: await listContributors(db, caller(request), request.params.pageId) }),
    );
    app.post(
      c.inviteContributor.path,
      {
        config: { access: c.inviteContributor.access },
        schema: {
          tags,
          summary:
            'Invite a pupil or teacher: an account that proposes drafts for this page (the password is shown once)',
          params: c.inviteContributor.params,
          body: c.inviteContributor.body,
        },
      },
      async (request) => {
        const p = caller(request);
        return inviteContributor(db, { ...p, ip: request.ip }, request.params.pageId, request.body, now());
      },
    );
    app.delete(
      c.removeContributor.path,
      {
        config: { access: c.removeContributor.access },
        schema: {
          tags,
          summary: 'End a contribution (the account is disabled)',
          params: c.removeContributor.params,
          response: { 200: c.removeContributor.response, ...errorResponses },
        },
      },
      async (request) => {
        const p = caller(request);
        await removeContributor(db, { ...p, ip: request.ip }, request.params.pageId, request.params.userId);
        return { removed: true };
      },
    );
    app.put(
      c.settings.path,
      {
        config: { access: c.settings.access },
        schema: {
          tags,
          summary:
            'Whether the page’s drafts also need the municipality’s approval (set by the municipality or above)',
          params: c.settings.params,
          body: c.settings.body,
          response: { 200: c.settings.response, ...errorResponses },
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
      c.syndications.path,
      {
        config: { access: c.syndications.access },
        schema: { tags, summary: 'Regional announcements of your region' },
      },
      async (request) => ({ items: await listSyndications(db, caller(request)) }),
    );
    app.post(
      c.syndicate.path,
      {
        config: { access: c.syndicate.access },
        schema: {
          tags,
          summary:
            'Send one announcement to the region’s pages: published by each page, or offered as a draft',
          body: c.syndicate.body,
          response: { 200: c.syndicate.response, ...errorResponses },
        },
      },
      async (request) => syndicate(db, caller(request), request.body, now()),
    );
    app.get(
      c.syndication.path,
      {
        config: { access: c.syndication.access },
        schema: { tags, summary: 'An announcement with each page’s result', params: idParam },
      },
      async (request) => syndicationStatus(db, caller(request), request.params.id),
    );
  };
}
