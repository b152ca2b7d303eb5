// Saved replies and topics: region, municipality and page libraries whose replies fill {school}, {phone} and
// {hours} for the page and are offered first when their topic is the question's; counts of questions by topic
// per page, municipality and region, with a suggestion to pin an answer to a question asked again and again.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Scope, scopeContains } from '../platform/scope.ts';
import { threadComments } from './inbox.repo.ts';
import { type TopicId, topicsOf } from './topics.ts';

const DAY = 86_400;
/** Asked this many times in the period on one page: worth a pinned post or a saved reply. */
export const REPEATED_QUESTION = 5;

type Caller = { userId: number; scope: Scope };
export type SavedReplyInput = {
  level: 'region' | 'municipality' | 'page';
  regionCode?: string;
  municipalityId?: number;
  pageId?: number;
  topic: TopicId;
  title: string;
  text: string;
};

async function pagePlace(db: Db, pageId: number) {
  return db.kysely
    .selectFrom('pages')
    .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
    .leftJoin('page_contacts', 'page_contacts.page_id', 'pages.id')
    .select([
      'pages.id',
      'institutions.id as institution_id',
      'institutions.region_code',
      'institutions.municipality_id',
      'institutions.short_name',
      'institutions.full_name',
      'page_contacts.phone',
      'page_contacts.hours',
    ])
    .where('pages.id', '=', pageId)
    .executeTakeFirst();
}

async function pageInScope(db: Db, scope: Scope, pageId: number) {
  const page = await pagePlace(db, pageId);
  const at = {
    regionCode: page?.region_code ?? null,
    municipalityId: page?.municipality_id ?? null,
    institutionId: page?.institution_id ?? null,
  };
  if (!page || !scopeContains(scope, at)) throw new AppError('NOT_FOUND', `no page ${pageId} in your scope`);
  return page;
}

/** Adds a reply to the library the caller's scope covers: a region's only by its region (or the country). */
export async function addSavedReply(
  db: Db,
  caller: Caller,
  input: SavedReplyInput,
  now: number,
): Promise<number> {
  let place: { regionCode: string; municipalityId: number | null; pageId: number | null };
  if (input.level === 'page') {
    if (input.pageId === undefined)
      throw new AppError('VALIDATION', 'body.pageId: required for a page library');
    const page = await pageInScope(db, caller.scope, input.pageId);
    place = { regionCode: page.region_code ?? '', municipalityId: page.municipality_id, pageId: page.id };
  } else if (input.level === 'municipality') {
    if (input.municipalityId === undefined)
      throw new AppError('VALIDATION', 'body.municipalityId: required for a municipality library');
    const m = await db.kysely
      .selectFrom('municipalities')
      .select(['id', 'region_code'])
      .where('id', '=', input.municipalityId)
      .executeTakeFirst();
    const at = { regionCode: m?.region_code ?? null, municipalityId: m?.id ?? null, institutionId: null };
    if (!m || !scopeContains(caller.scope, at) || caller.scope.level === 'institution')
      throw notFound('municipality', input.municipalityId, 'body.municipalityId');
    place = { regionCode: m.region_code, municipalityId: m.id, pageId: null };
  } else {
    if (!input.regionCode) throw new AppError('VALIDATION', 'body.regionCode: required for a region library');
    const s = caller.scope;
    if (!(s.level === 'country' || (s.level === 'region' && s.regionCode === input.regionCode)))
      throw notFound('region', input.regionCode, 'body.regionCode');
    place = { regionCode: input.regionCode, municipalityId: null, pageId: null };
  }
  const row = await db.kysely
    .insertInto('saved_replies')
    .values({
      level: input.level,
      region_code: place.regionCode,
      municipality_id: place.municipalityId,
      page_id: place.pageId,
      topic: input.topic,
      title: input.title.trim(),
      text: input.text.trim(),
      created_by: caller.userId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type OfferedReply = {
  id: number;
  level: 'region' | 'municipality' | 'page';
  topic: string;
  title: string;
  text: string;
  /** Variables the page has no value for; left in the text for the admin to fill. */
  missing: string[];
  /** The reply's topic is one of the question's. */
  matches: boolean;
};

/** The replies of the page's libraries (page, municipality, region), filled for the page, the question's first. */
export async function savedRepliesFor(
  db: Db,
  caller: Caller,
  pageId: number,
  question?: string,
): Promise<{ topics: TopicId[]; replies: OfferedReply[] }> {
  const page = await pageInScope(db, caller.scope, pageId);
  const rows = await db.kysely
    .selectFrom('saved_replies')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('level', '=', 'region'), eb('region_code', '=', page.region_code ?? '')]),
        eb.and([eb('level', '=', 'municipality'), eb('municipality_id', '=', page.municipality_id ?? -1)]),
        eb.and([eb('level', '=', 'page'), eb('page_id', '=', page.id)]),
      ]),
    )
    .execute();
  const topics = question ? topicsOf(question) : [];
  const values: Record<string, string | null> = {
    school: page.short_name ?? page.full_name ?? null,
    phone: page.phone,
    hours: page.hours,
  };
  const levelRank = { page: 0, municipality: 1, region: 2 } as const;
  const replies = rows.map((r): OfferedReply => {
    const missing: string[] = [];
    const text = r.text.replace(/\{(school|phone|hours)\}/g, (all, name: string) => {
      const v = values[name];
      if (v) return v;
      missing.push(name);
      return all;
    });
    return {
      id: r.id,
      level: r.level,
      topic: r.topic,
      title: r.title,
      text,
      missing,
      matches: topics.includes(r.topic as TopicId),
    };
  });
  replies.sort(
    (a, b) => Number(b.matches) - Number(a.matches) || levelRank[a.level] - levelRank[b.level] || a.id - b.id,
  );
  return { topics, replies };
}

export async function setPageContacts(
  db: Db,
  caller: Caller,
  pageId: number,
  contacts: { phone: string | null; hours: string | null },
): Promise<void> {
  await pageInScope(db, caller.scope, pageId);
  const row = { page_id: pageId, phone: contacts.phone, hours: contacts.hours };
  await db.kysely
    .insertInto('page_contacts')
    .values(row)
    .onConflict((oc) => oc.column('page_id').doUpdateSet({ phone: row.phone, hours: row.hours }))
    .execute();
}

export type TopicCount = { key: string; topic: TopicId | 'other'; questions: number };

/** Questions by topic per page, municipality and region in the period, and the pages asked the same again and again. */
export async function topicCounts(
  db: Db,
  caller: Caller,
  filter: { days?: number; pageId?: number },
  now: number,
): Promise<{
  total: { topic: TopicId | 'other'; questions: number }[];
  byPage: TopicCount[];
  byMunicipality: TopicCount[];
  byRegion: TopicCount[];
  suggestions: { pageId: number; topic: TopicId; questions: number }[];
}> {
  if (filter.pageId !== undefined) await pageInScope(db, caller.scope, filter.pageId);
  const since = now - (filter.days ?? 30) * DAY;
  const rows = await threadComments(db, caller.scope, {
    since,
    ...(filter.pageId !== undefined ? { pageId: filter.pageId } : {}),
  });
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const r of rows) {
    if (r.is_from_community === 1 || r.is_deleted === 1) continue;
    const topics: (TopicId | 'other')[] = topicsOf(r.text);
    if (topics.length === 0) topics.push('other');
    for (const t of topics) {
      bump(`total|-|${t}`);
      bump(`page|${r.page_id}|${t}`);
      bump(`municipality|${r.municipality_id ?? '-'}|${t}`);
      bump(`region|${r.region_code ?? '-'}|${t}`);
    }
  }
  const of = (level: string): TopicCount[] =>
    [...counts.entries()]
      .filter(([k]) => k.startsWith(`${level}|`))
      .map(([k, questions]) => {
        const [, key = '', topic = 'other'] = k.split('|');
        return { key, topic: topic as TopicId | 'other', questions };
      })
      .sort(
        (a, b) => b.questions - a.questions || a.key.localeCompare(b.key) || a.topic.localeCompare(b.topic),
      );
  const byPage = of('page');
  return {
    total: of('total').map(({ topic, questions }) => ({ topic, questions })),
    byPage,
    byMunicipality: of('municipality'),
    byRegion: of('region'),
    suggestions: byPage
      .filter((c) => c.topic !== 'other' && c.questions >= REPEATED_QUESTION)
      .map((c) => ({ pageId: Number(c.key), topic: c.topic as TopicId, questions: c.questions })),
  };
}
