// Facts an audit reads beside the snapshots: the checks operators recorded and the region's Госпаблики export
// (latest per page and fact, stale ones left out), and live broadcasts over the quarter ending at the period's
// end, which a 30-day period alone cannot judge.
import type { ExternalArtifact, ExternalFact } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import { BY_INSTITUTION, inScope, type Scope } from '../platform/scope.ts';

const FACTS: ExternalFact[] = [
  'feedbackWidgets',
  'gospublikiConnected',
  'siteBacklink',
  'twoFactor',
  'stateMark',
];

/** The latest fresh fact per page: checked at or after `since`, no later than `until`. */
export async function readPageFacts(
  db: Db,
  pageIds: number[],
  since: number,
  until: number,
): Promise<Map<number, ExternalArtifact>> {
  const out = new Map<number, ExternalArtifact>();
  if (pageIds.length === 0) return out;
  const rows = await db.kysely
    .selectFrom('page_facts')
    .leftJoin('users', 'users.id', 'page_facts.checked_by')
    .select([
      'page_facts.page_id',
      'page_facts.fact',
      'page_facts.value',
      'page_facts.source',
      'page_facts.checked_at',
      'page_facts.evidence',
      'users.login as by',
    ])
    .where('page_facts.page_id', 'in', pageIds)
    .where('page_facts.checked_at', '>=', since)
    .where('page_facts.checked_at', '<=', until)
    .orderBy('page_facts.checked_at')
    .orderBy('page_facts.id')
    .execute();
  for (const r of rows) {
    const fact = r.fact as ExternalFact;
    if (!FACTS.includes(fact)) continue;
    const e = out.get(r.page_id) ?? {};
    // Later rows overwrite earlier ones: the latest check wins.
    if (fact === 'feedbackWidgets') e.feedbackWidgets = r.value;
    else e[fact] = r.value === 1;
    e.sources = {
      ...e.sources,
      [fact]: {
        source: r.source,
        at: r.checked_at,
        ...(r.by ? { by: r.by } : {}),
        ...(r.evidence ? { evidence: r.evidence } : {}),
      },
    };
    out.set(r.page_id, e);
  }
  return out;
}

/** Dates of own posts with a live broadcast in [since, end), per page. */
export async function readLiveDates(
  db: Db,
  pageIds: number[],
  since: number,
  end: number,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (pageIds.length === 0) return out;
  const rows = await db.kysely
    .selectFrom('posts')
    .select(['page_id', 'posted_at', 'lives'])
    .where('page_id', 'in', pageIds)
    .where('lives', '>', 0)
    .where('is_repost', '=', 0)
    .where('is_visitor', '=', 0)
    .where('posted_at', '>=', since)
    .where('posted_at', '<', end)
    .where('is_deleted', '=', 0)
    .execute();
  for (const r of rows) {
    const list = out.get(r.page_id) ?? [];
    for (let i = 0; i < r.lives; i++) list.push(r.posted_at);
    out.set(r.page_id, list);
  }
  return out;
}

export type FactRow = {
  page_id: number;
  fact: ExternalFact;
  value: number;
  source: 'manual' | 'export';
  checked_by: number | null;
  checked_at: number;
  evidence: string | null;
};

export async function insertPageFacts(db: Db, rows: FactRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db.kysely
      .insertInto('page_facts')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** VK pages of institutions by ОГРН, optionally inside a scope (pages outside it are not found). */
export async function pagesByOgrn(db: Db, ogrns: string[], scope?: Scope): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (ogrns.length === 0) return out;
  let q = db.kysely
    .selectFrom('institutions')
    .innerJoin('pages', 'pages.institution_id', 'institutions.id')
    .select(['institutions.ogrn', 'pages.id'])
    .where('institutions.ogrn', 'in', ogrns)
    // The Госпаблики export is of VK communities: an institution's OK group or MAX channel is not in it.
    .where('pages.platform', '=', 'vk');
  if (scope) q = q.where(inScope(scope, BY_INSTITUTION));
  for (const r of await q.execute()) {
    if (!r.ogrn) continue;
    const list = out.get(r.ogrn) ?? [];
    list.push(r.id);
    out.set(r.ogrn, list);
  }
  return out;
}

/** The latest recorded value of each fact of a page, whatever its age, with who recorded it. */
export async function listLatestFacts(db: Db, pageId: number) {
  const rows = await db.kysely
    .selectFrom('page_facts')
    .leftJoin('users', 'users.id', 'page_facts.checked_by')
    .select([
      'page_facts.fact',
      'page_facts.value',
      'page_facts.source',
      'page_facts.checked_at',
      'page_facts.evidence',
      'users.login as by',
    ])
    .where('page_facts.page_id', '=', pageId)
    .orderBy('page_facts.checked_at')
    .orderBy('page_facts.id')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.fact, r);
  return [...latest.values()];
}
