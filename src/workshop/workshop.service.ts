// The methodologist's workshop: fork a version under a new id, change its parameters and texts (every change
// linted; a change with problems writes nothing and names each rule and field), preview it on current data,
// publish it, re-audit under it, compare two versions. A published version is read everywhere like a shipped one.
import {
  checkVersion,
  diffVersions,
  listVersionIds,
  MethodologyError,
  type MethodologyVersion,
  type Problem,
  registerVersion,
  sharedSources,
  shippedVersion,
  type VersionDiff,
  withHash,
} from '../methodology/index.ts';
import { type Actor, recordAction } from '../platform/audit-log.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import {
  findWorkshopVersion,
  insertWorkshopVersion,
  listWorkshopVersions,
  updateWorkshopVersion,
  type WorkshopRow,
} from './workshop.repo.ts';

export type Texts = { ru?: string | undefined; en?: string | undefined };

/** What a methodologist may change in one step: parameters, scoring, weights and texts, per rule. */
export type VersionPatch = {
  title?: Texts;
  text?: Texts;
  rules?: Record<
    string,
    {
      params?: Record<string, unknown>;
      scoring?: unknown;
      weight?: number;
      title?: Texts;
      failureTitle?: Texts;
      warnTitle?: Texts;
      rationale?: Texts;
      help?: Texts;
      recommendation?: Texts;
      warnRecommendation?: Texts;
    }
  >;
};

/** A rule's texts a change may set, in both languages. */
export const TEXT_FIELDS = [
  'title',
  'failureTitle',
  'warnTitle',
  'rationale',
  'help',
  'recommendation',
  'warnRecommendation',
] as const;

export const VERSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export type WorkshopVersion = {
  id: string;
  basedOn: string;
  status: 'draft' | 'published';
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
  version: MethodologyVersion;
};

const NOWHERE = { regionCode: null, municipalityId: null, institutionId: null };

function place(id: string): string {
  return `workshop:${id}`;
}

function build(row: WorkshopRow): MethodologyVersion {
  const content = JSON.parse(row.content_json) as unknown;
  const checked = checkVersion(place(row.id), content, sharedSources());
  // A stored row was checked when written; a row that no longer checks (the rules changed) still reads.
  const data = checked.ok ? checked.data : (content as MethodologyVersion);
  return withHash(data, { ru: row.text_ru, en: row.text_en }, sharedSources(), place(row.id));
}

function view(row: WorkshopRow): WorkshopVersion {
  return {
    id: row.id,
    basedOn: row.based_on,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    version: build(row),
  };
}

/** Registers every version published in the workshop, so the process reads them like shipped ones. */
export async function loadPublishedVersions(db: Db): Promise<string[]> {
  const rows = await listWorkshopVersions(db, 'published');
  for (const row of rows) registerVersion(build(row));
  return rows.map((r) => r.id);
}

export async function listWorkshop(db: Db): Promise<WorkshopVersion[]> {
  return (await listWorkshopVersions(db)).map(view);
}

export async function getWorkshopVersion(db: Db, id: string): Promise<WorkshopVersion> {
  const row = await findWorkshopVersion(db, id);
  if (!row) throw new AppError('NOT_FOUND', `no workshop version ${id}`);
  return view(row);
}

/** A version by id, shipped, published or a workshop draft: what preview and diff compare. */
export async function anyVersion(db: Db, id: string): Promise<MethodologyVersion> {
  const row = await findWorkshopVersion(db, id);
  if (row) return build(row);
  return shippedVersion(id);
}

export async function forkVersion(
  db: Db,
  actor: Actor,
  input: { from: string; id: string },
  now: number,
): Promise<WorkshopVersion> {
  if (!VERSION_ID.test(input.id))
    throw new AppError(
      'VALIDATION',
      `id: "${input.id}" is not a version id (letters, digits, . _ -; up to 40)`,
    );
  if (listVersionIds().includes(input.id) || (await findWorkshopVersion(db, input.id)))
    throw new AppError('CONFLICT', `id: a methodology version ${input.id} exists already`);
  const source = await anyVersion(db, input.from);
  const { hash: _h, dir: _d, text, sources: _s, published: _p, ...data } = source;
  const content = { ...data, id: input.id, status: 'draft' as const };
  const row: WorkshopRow = {
    id: input.id,
    based_on: source.id,
    content_json: JSON.stringify(content),
    text_ru: text.ru,
    text_en: text.en,
    status: 'draft',
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    published_at: null,
  };
  await insertWorkshopVersion(db, row);
  await recordAction(
    db,
    actor,
    {
      action: 'methodology.fork',
      targetType: 'methodology',
      targetId: input.id,
      at: now,
      details: { from: source.id },
    },
    NOWHERE,
  );
  return view(row);
}

function merged(old: { ru: string; en: string } | undefined, patch: Texts | undefined) {
  if (!patch) return old;
  return { ru: patch.ru ?? old?.ru ?? '', en: patch.en ?? old?.en ?? '' };
}

/** The content with the patch applied, and every problem lint finds in it (empty: it may be saved). */
export function applyPatch(
  id: string,
  content: Record<string, unknown>,
  patch: VersionPatch,
): { content: Record<string, unknown>; problems: Problem[] } {
  const file = place(id);
  const problems: Problem[] = [];
  const next = structuredClone(content) as {
    title: { ru: string; en: string };
    rules: (Record<string, unknown> & { id: string; params: Record<string, unknown> })[];
  };
  if (patch.title) next.title = merged(next.title, patch.title) ?? next.title;
  for (const [ruleId, change] of Object.entries(patch.rules ?? {})) {
    const rule = next.rules.find((r) => r.id === ruleId);
    if (!rule) {
      problems.push({ file, rule: ruleId, field: 'id', message: 'no such rule in this version' });
      continue;
    }
    if (change.params) rule.params = { ...rule.params, ...change.params };
    if (change.scoring !== undefined) rule.scoring = change.scoring;
    if (change.weight !== undefined) rule.weight = change.weight;
    for (const field of TEXT_FIELDS)
      if (change[field]) rule[field] = merged(rule[field] as { ru: string; en: string }, change[field]);
  }
  if (problems.length > 0) return { content: next, problems };
  const checked = checkVersion(file, next, sharedSources());
  return { content: next, problems: checked.ok ? [] : checked.problems };
}

async function draftRow(db: Db, id: string): Promise<WorkshopRow> {
  const row = await findWorkshopVersion(db, id);
  if (!row) throw new AppError('NOT_FOUND', `no workshop version ${id}`);
  if (row.status !== 'draft')
    throw new AppError(
      'CONFLICT',
      `methodology ${id} is published and does not change; fork it under a new id`,
    );
  return row;
}

/** Lints a change without saving it: what the screen shows as the methodologist types. */
export async function lintChange(db: Db, id: string, patch: VersionPatch): Promise<Problem[]> {
  const row = await draftRow(db, id);
  return applyPatch(id, JSON.parse(row.content_json), patch).problems;
}

/** Saves a change if lint finds nothing; otherwise throws VALIDATION with every problem, and writes nothing. */
export async function editVersion(
  db: Db,
  actor: Actor,
  id: string,
  patch: VersionPatch,
  now: number,
): Promise<WorkshopVersion> {
  const row = await draftRow(db, id);
  const { content, problems } = applyPatch(id, JSON.parse(row.content_json), patch);
  if (problems.length > 0) throw new MethodologyError(problems);
  const change = {
    content_json: JSON.stringify(content),
    text_ru: patch.text?.ru ?? row.text_ru,
    text_en: patch.text?.en ?? row.text_en,
    updated_at: now,
  };
  await updateWorkshopVersion(db, id, change);
  await recordAction(
    db,
    actor,
    { action: 'methodology.edit', targetType: 'methodology', targetId: id, at: now, details: patch },
    NOWHERE,
  );
  return view({ ...row, ...change });
}

/** Publishes a draft under its id: from now on it is read like a shipped version and can judge pages. */
export async function publishVersion(
  db: Db,
  actor: Actor,
  id: string,
  now: number,
): Promise<WorkshopVersion> {
  const row = await draftRow(db, id);
  const content = JSON.parse(row.content_json) as Record<string, unknown>;
  const published = {
    ...content,
    status: 'published',
    published: new Date(now * 1000).toISOString().slice(0, 10),
  };
  const checked = checkVersion(place(id), published, sharedSources());
  if (!checked.ok) throw new MethodologyError(checked.problems);
  const change = {
    content_json: JSON.stringify(published),
    status: 'published' as const,
    published_at: now,
    updated_at: now,
  };
  await updateWorkshopVersion(db, id, change);
  const done = view({ ...row, ...change });
  registerVersion(done.version);
  await recordAction(
    db,
    actor,
    { action: 'methodology.publish', targetType: 'methodology', targetId: id, at: now },
    NOWHERE,
  );
  return done;
}

export async function diffAny(db: Db, a: string, b: string): Promise<VersionDiff> {
  return diffVersions(await anyVersion(db, a), await anyVersion(db, b));
}
