// Drafts and their review: a page admin writes drafts and schedules them; a contributor (a pupil or teacher the
// admin invited) proposes, and the admin approves (maybe edited), or rejects with a comment; pages the
// municipality chose need its approval too. Each change checks the status the caller saw.
import crypto from 'node:crypto';
import { insertNotifications } from '../notifications/index.ts';
import type { Db } from '../platform/db.ts';
import type { DraftKind, DraftStatus } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { type DraftContent, filesOf, parseContent } from './draft-content.ts';
import {
  type DraftRow,
  deleteDraft,
  draftById,
  filesOfPage,
  insertDraft,
  needsMunicipalityApproval,
  pageInScope,
  pagesOfContributor,
  updateDraft,
} from './planner.repo.ts';

export type Caller = { userId: number | null; scope: Scope; permissions: ReadonlySet<string> };

export type DraftInput = {
  kind: DraftKind;
  title: string;
  text: string;
  rubric?: string | null;
  content: unknown;
  plannedAt?: number | null;
  templateId?: string | null;
};

const EDITABLE: DraftStatus[] = [
  'proposed',
  'draft',
  'rejected',
  'awaiting_municipality',
  'scheduled',
  'failed',
];

/** The page, if the caller may plan it (manage) or propose for it (a contributor of it). */
export async function plannerPage(db: Db, caller: Caller, pageId: number) {
  const page = await pageInScope(db, caller.scope, pageId);
  const manages = caller.permissions.has('drafts.manage');
  const proposes =
    !manages &&
    caller.permissions.has('drafts.propose') &&
    caller.userId !== null &&
    (await pagesOfContributor(db, caller.userId)).includes(pageId);
  if (!page || (!manages && !proposes)) throw notFound('page', pageId);
  return { page, manages };
}

async function checkedContent(
  db: Db,
  pageId: number,
  kind: DraftKind,
  content: unknown,
): Promise<DraftContent> {
  const parsed = parseContent(kind, content);
  const wanted = filesOf(parsed);
  const found = new Set((await filesOfPage(db, pageId, wanted)).map((f) => f.id));
  const missing = wanted.find((id) => !found.has(id));
  if (missing !== undefined)
    throw new AppError('VALIDATION', `body.content: no file ${missing} uploaded for this page`, [
      { path: 'body.content', message: `no file ${missing}` },
    ]);
  return parsed;
}

function cleanRubric(rubric: string | null | undefined): string | null {
  const tag = rubric?.trim().replace(/^#/, '') ?? '';
  if (!tag) return null;
  if (!/^[\p{L}\p{N}_]{1,60}$/u.test(tag))
    throw new AppError('VALIDATION', 'body.rubric: a hashtag is letters, digits and _ only', [
      { path: 'body.rubric', message: 'letters, digits and _' },
    ]);
  return tag;
}

/** A new draft; a contributor's is a proposal the page's admins are told about. */
export async function createDraft(db: Db, caller: Caller, pageId: number, input: DraftInput, now: number) {
  const { page, manages } = await plannerPage(db, caller, pageId);
  const content = await checkedContent(db, pageId, input.kind, input.content);
  const status: DraftStatus = manages ? 'draft' : 'proposed';
  const { id } = await insertDraft(db, {
    page_id: pageId,
    kind: input.kind,
    title: input.title.trim(),
    text: input.text,
    rubric: cleanRubric(input.rubric),
    content_json: JSON.stringify(content),
    planned_at: input.plannedAt ?? null,
    status,
    author_id: caller.userId,
    idempotency_key: crypto.randomUUID(),
    template_id: input.templateId ?? null,
    created_at: now,
    updated_at: now,
  });
  if (status === 'proposed')
    await insertNotifications(db, [
      {
        institutionId: page.institution_id,
        kind: 'draft_proposed',
        params: { title: input.title, draftId: id, pageId },
        link: `/planner/${pageId}?draft=${id}`,
        key: `draft_proposed:${id}`,
        at: now,
      },
    ]);
  return id;
}

/** A draft the caller may see: any of a page they manage; a contributor's own page's. */
export async function draftFor(db: Db, caller: Caller, id: number) {
  const draft = await draftById(db, id);
  if (!draft) throw notFound('draft', id);
  const access = await plannerPage(db, caller, draft.page_id).catch(() => null);
  if (!access) throw notFound('draft', id);
  return { draft, ...access };
}

function conflict(draft: DraftRow, action: string): never {
  throw new AppError('CONFLICT', `draft ${draft.id} is ${draft.status}: it cannot be ${action}`);
}

/** Edits a draft. A contributor edits only their own proposal (a rejected one goes back for review). */
export async function editDraft(db: Db, caller: Caller, id: number, input: DraftInput, now: number) {
  const { draft, manages } = await draftFor(db, caller, id);
  if (!manages && (draft.author_id !== caller.userId || !['proposed', 'rejected'].includes(draft.status)))
    throw new AppError('FORBIDDEN', `draft ${id} is not your proposal under review`);
  if (!EDITABLE.includes(draft.status)) conflict(draft, 'edited');
  const content = await checkedContent(db, draft.page_id, input.kind, input.content);
  // An approved draft that changes is approved again: edits never slip past a second approval.
  const status: DraftStatus = !manages
    ? 'proposed'
    : draft.status === 'scheduled' && (await needsMunicipalityApproval(db, draft.page_id))
      ? 'awaiting_municipality'
      : draft.status === 'failed'
        ? 'draft'
        : draft.status;
  const ok = await updateDraft(db, id, [draft.status], {
    kind: input.kind,
    title: input.title.trim(),
    text: input.text,
    rubric: cleanRubric(input.rubric),
    content_json: JSON.stringify(content),
    planned_at: input.plannedAt === undefined ? draft.planned_at : input.plannedAt,
    status,
    updated_at: now,
  });
  if (!ok) throw new AppError('CONFLICT', `draft ${id} changed meanwhile: reload it`);
}

/** Moves a draft in the calendar (drag and drop). */
export async function moveDraft(db: Db, caller: Caller, id: number, plannedAt: number, now: number) {
  const { draft, manages } = await draftFor(db, caller, id);
  if (!manages) throw new AppError('FORBIDDEN', 'only the page admin moves drafts in the plan');
  if (!['proposed', 'draft', 'awaiting_municipality', 'scheduled', 'failed'].includes(draft.status))
    conflict(draft, 'moved');
  if (!(await updateDraft(db, id, [draft.status], { planned_at: plannedAt, updated_at: now })))
    throw new AppError('CONFLICT', `draft ${id} changed meanwhile: reload it`);
}

/**
 * Approves a draft for publishing at its planned time (now, without one): scheduled, or waiting for the
 * municipality on pages that need it (unless the municipality, or someone above it, approves).
 */
export async function approveDraft(db: Db, caller: Caller, id: number, now: number, plannedAt?: number) {
  const { draft, page, manages } = await draftFor(db, caller, id);
  if (!manages) throw new AppError('FORBIDDEN', 'only the page admin approves drafts');
  if (!['proposed', 'draft', 'failed', 'rejected'].includes(draft.status)) conflict(draft, 'approved');
  const second = caller.scope.level === 'institution' && (await needsMunicipalityApproval(db, page.id));
  const status: DraftStatus = second ? 'awaiting_municipality' : 'scheduled';
  const at = plannedAt ?? draft.planned_at ?? now;
  const ok = await updateDraft(db, id, [draft.status], {
    status,
    planned_at: at,
    decided_by: caller.userId,
    decided_at: now,
    review_comment: null,
    last_error: null,
    next_attempt_at: null,
    attempts: 0,
    updated_at: now,
  });
  if (!ok) throw new AppError('CONFLICT', `draft ${id} changed meanwhile: reload it`);
  await tellAuthor(db, draft, 'approved', now);
  return status;
}

/** The municipality's second approval (or refusal) of a draft of a page that needs it. */
export async function municipalityDecision(
  db: Db,
  caller: Caller,
  id: number,
  decision: { approve: boolean; comment?: string },
  now: number,
) {
  if (caller.scope.level === 'institution' || !caller.permissions.has('drafts.manage'))
    throw new AppError('FORBIDDEN', 'the second approval is the municipality’s');
  const { draft } = await draftFor(db, caller, id);
  if (draft.status !== 'awaiting_municipality') conflict(draft, 'approved by the municipality');
  if (!decision.approve && !decision.comment?.trim())
    throw new AppError('VALIDATION', 'body.comment: say why the draft is rejected', [
      { path: 'body.comment', message: 'required to reject' },
    ]);
  const ok = await updateDraft(db, id, ['awaiting_municipality'], {
    status: decision.approve ? 'scheduled' : 'rejected',
    municipality_by: caller.userId,
    municipality_at: now,
    review_comment: decision.approve ? null : (decision.comment?.trim() ?? null),
    updated_at: now,
  });
  if (!ok) throw new AppError('CONFLICT', `draft ${id} changed meanwhile: reload it`);
  await tellAuthor(db, draft, decision.approve ? 'approved' : 'rejected', now);
}

/** Rejects a proposal (or a draft) with a comment its author reads. */
export async function rejectDraft(db: Db, caller: Caller, id: number, comment: string, now: number) {
  const { draft, manages } = await draftFor(db, caller, id);
  if (!manages) throw new AppError('FORBIDDEN', 'only the page admin rejects drafts');
  if (!comment.trim())
    throw new AppError('VALIDATION', 'body.comment: say why the draft is rejected', [
      { path: 'body.comment', message: 'required' },
    ]);
  if (!['proposed', 'draft', 'awaiting_municipality', 'scheduled'].includes(draft.status))
    conflict(draft, 'rejected');
  const ok = await updateDraft(db, id, [draft.status], {
    status: 'rejected',
    review_comment: comment.trim(),
    decided_by: caller.userId,
    decided_at: now,
    updated_at: now,
  });
  if (!ok) throw new AppError('CONFLICT', `draft ${id} changed meanwhile: reload it`);
  await tellAuthor(db, draft, 'rejected', now);
}

/** Takes a draft off the schedule, back to the drafts. */
export async function unscheduleDraft(db: Db, caller: Caller, id: number, now: number) {
  const { draft, manages } = await draftFor(db, caller, id);
  if (!manages) throw new AppError('FORBIDDEN', 'only the page admin changes the schedule');
  if (
    !(await updateDraft(db, id, ['scheduled', 'awaiting_municipality', 'failed'], {
      status: 'draft',
      updated_at: now,
    }))
  )
    conflict(draft, 'taken off the schedule');
}

/**
 * Deletes a draft. A contributor deletes only their own proposal still under review (proposed or rejected):
 * once approved it is the page's, like an edit (`editDraft`), and only the page admin takes it back.
 */
export async function removeDraft(db: Db, caller: Caller, id: number) {
  const { draft, manages } = await draftFor(db, caller, id);
  if (!manages && draft.author_id !== caller.userId)
    throw new AppError('FORBIDDEN', `draft ${id} is not yours to delete`);
  if (!manages && !['proposed', 'rejected'].includes(draft.status))
    throw new AppError('FORBIDDEN', `draft ${id} is ${draft.status}: only the page admin deletes it now`);
  if (
    !(await deleteDraft(db, id, [
      'proposed',
      'draft',
      'rejected',
      'awaiting_municipality',
      'scheduled',
      'failed',
    ]))
  )
    conflict(draft, 'deleted');
}

/** A contributor learns what became of their proposal. */
async function tellAuthor(db: Db, draft: DraftRow, decision: 'approved' | 'rejected', now: number) {
  if (draft.author_id === null || draft.status !== 'proposed') return;
  await insertNotifications(db, [
    {
      userId: draft.author_id,
      kind: 'draft_decided',
      params: { title: draft.title, decision, draftId: draft.id },
      link: `/planner/${draft.page_id}?draft=${draft.id}`,
      key: `draft_decided:${draft.id}:${now}`,
      at: now,
    },
  ]);
}
