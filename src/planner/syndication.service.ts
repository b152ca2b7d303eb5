// Regional syndication: a regional operator composes one announcement (text or poll) and sends it to many pages
// of the region at once — published at the planned time by each page's own community token, or offered as a
// draft their admins decide on — and follows each page's result.
import crypto from 'node:crypto';
import { insertNotifications } from '../notifications/index.ts';
import type { Db } from '../platform/db.ts';
import { inTransaction } from '../platform/db.ts';
import type { DraftKind } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';
import { notFound } from '../platform/scope.ts';
import { parseContent } from './draft-content.ts';
import type { Caller } from './drafts.service.ts';
import { regionPages } from './planner.repo.ts';

export type SyndicationInput = {
  regionCode: string;
  municipalityIds?: number[];
  mode: 'publish' | 'offer';
  kind: Extract<DraftKind, 'text' | 'poll'>;
  title: string;
  text: string;
  rubric?: string | null;
  content: unknown;
  plannedAt?: number | null;
};

function regionOf(caller: Caller, regionCode: string) {
  if (!caller.permissions.has('drafts.manage'))
    throw new AppError('FORBIDDEN', 'syndication needs drafts.manage');
  if (caller.scope.level === 'country') return;
  if (caller.scope.level !== 'region')
    throw new AppError('FORBIDDEN', 'a regional announcement is sent by the region (or the country)');
  if (caller.scope.regionCode !== regionCode) throw notFound('region', regionCode, 'body.regionCode');
}

export async function syndicate(db: Db, caller: Caller, input: SyndicationInput, now: number) {
  regionOf(caller, input.regionCode);
  const content = parseContent(input.kind, input.content);
  if (input.kind === 'text' && content.photos?.length)
    throw new AppError('VALIDATION', 'body.content.photos: a regional announcement carries no page files');
  const pages = await regionPages(db, input.regionCode, input.municipalityIds);
  if (pages.length === 0)
    throw new AppError('NOT_FOUND', 'no VK pages in the region (or municipalities) chosen');
  const rubric = input.rubric?.trim().replace(/^#/, '') || null;
  return inTransaction(db, async (tx) => {
    const { id } = await tx.kysely
      .insertInto('planner_syndications')
      .values({
        region_code: input.regionCode,
        mode: input.mode,
        title: input.title.trim(),
        created_by: caller.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = pages.map((p) => ({
      page_id: p.id,
      kind: input.kind,
      title: input.title.trim(),
      text: input.text,
      rubric,
      content_json: JSON.stringify(content),
      planned_at: input.plannedAt ?? (input.mode === 'publish' ? now : null),
      status: input.mode === 'publish' ? ('scheduled' as const) : ('draft' as const),
      author_id: caller.userId,
      idempotency_key: crypto.randomUUID(),
      syndication_id: id,
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await tx.kysely
        .insertInto('planner_drafts')
        .values(rows.slice(i, i + 200))
        .execute();
    if (input.mode === 'offer') {
      const institutions = await tx.kysely
        .selectFrom('pages')
        .select(['id', 'institution_id'])
        .where(
          'id',
          'in',
          pages.map((p) => p.id),
        )
        .execute();
      await insertNotifications(
        tx,
        institutions.map((p) => ({
          institutionId: p.institution_id,
          kind: 'draft_proposed',
          params: { title: input.title, pageId: p.id },
          link: `/planner/${p.id}`,
          key: `syndication:${id}:${p.id}`,
          at: now,
        })),
      );
    }
    return { id, pages: pages.length };
  });
}

/** A syndication with each page's result, for the caller's region. */
export async function syndicationStatus(db: Db, caller: Caller, id: number) {
  if (caller.scope.level !== 'country' && caller.scope.level !== 'region')
    throw new AppError('FORBIDDEN', 'regional announcements are the region’s');
  const row = await db.kysely
    .selectFrom('planner_syndications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (caller.scope.level === 'region' && caller.scope.regionCode !== row.region_code))
    throw notFound('syndication', id);
  const pages = await db.kysely
    .selectFrom('planner_drafts as d')
    .innerJoin('pages', 'pages.id', 'd.page_id')
    .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
    .select([
      'd.id',
      'd.page_id',
      'd.status',
      'd.last_error',
      'd.vk_post_id',
      'd.attempts',
      'institutions.short_name',
      'institutions.full_name',
    ])
    .where('d.syndication_id', '=', id)
    .orderBy('d.page_id')
    .execute();
  const counts: Record<string, number> = {};
  for (const p of pages) counts[p.status] = (counts[p.status] ?? 0) + 1;
  return {
    id: row.id,
    title: row.title,
    mode: row.mode,
    regionCode: row.region_code,
    createdAt: row.created_at,
    counts,
    pages: pages.map((p) => ({
      draftId: p.id,
      pageId: p.page_id,
      name: p.short_name ?? p.full_name,
      status: p.status,
      attempts: p.attempts,
      error: p.last_error,
      vkPostId: p.vk_post_id,
    })),
  };
}

export async function listSyndications(db: Db, caller: Caller) {
  if (caller.scope.level !== 'country' && caller.scope.level !== 'region') return [];
  let query = db.kysely.selectFrom('planner_syndications').selectAll().orderBy('id', 'desc').limit(100);
  if (caller.scope.level === 'region') query = query.where('region_code', '=', caller.scope.regionCode);
  return (await query.execute()).map((s) => ({
    id: s.id,
    title: s.title,
    mode: s.mode,
    regionCode: s.region_code,
    createdAt: s.created_at,
  }));
}
