// OK answers into the common model. group.getInfo's field names are apiok.ru's (verified); the topic and
// comment shapes (media[] with typed items, *_summary counters, discussion comments) are modelled from client
// libraries, and every field is read tolerantly: absent is unknown, never "no".
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { okGroupUrl } from '../../registry/index.ts';
import { emptyFacts, kindsOf, type NetComment, type NetPage, type NetPost, type PostKind } from '../model.ts';

const idStr = z.union([z.string(), z.number()]).transform(String);
const num = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);

const groupSchema = z
  .object({
    uid: idStr,
    name: z.string().default(''),
    shortname: z.string().optional(),
    description: z.string().optional(),
    members_count: num.optional(),
    access_type: z.string().optional(),
    photo_id: idStr.optional(),
    pic_avatar: z.string().optional(),
    main_photo: z.object({ id: idStr.optional() }).loose().optional(),
    cover: z.unknown().optional(),
    phone: z.string().optional(),
    homepage_url: z.string().optional(),
    status: z.string().optional(),
    verified: z.boolean().optional(),
  })
  .loose();

const mediaSchema = z.object({ type: z.string() }).loose();
const topicSchema = z
  .object({
    id: idStr,
    created_ms: num,
    media: z.array(mediaSchema).default([]),
    like_summary: z.object({ count: num.optional() }).loose().optional(),
    discussion_summary: z.object({ comments_count: num.optional() }).loose().optional(),
    reshare_summary: z.object({ count: num.optional() }).loose().optional(),
    views_count: num.optional(),
    is_sticky: z.boolean().optional(),
  })
  .loose();

const commentSchema = z
  .object({
    id: idStr,
    author_id: idStr,
    author_type: z.string().optional(),
    text: z.string().default(''),
    date: z.string(),
    reply_to_comment_id: idStr.optional(),
  })
  .loose();

function parseList<T>(items: unknown, schema: z.ZodType<T>, source: string): T[] {
  if (!Array.isArray(items)) throw new AppError('UPSTREAM_UNAVAILABLE', `${source}: expected a list`);
  return items.map((item, i) => {
    const r = schema.safeParse(item);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new AppError(
        'UPSTREAM_UNAVAILABLE',
        `${source}[${i}].${issue?.path.join('.')}: ${issue?.message}`,
      );
    }
    return r.data;
  });
}

const DEFAULT_AVATAR = /stub|default|nophoto/i;
const src = (f: string) => `ok:group.getInfo.${f}`;

/** group.getInfo: a bare list of groups (what OK sends) or `{groups: [...]}` (as the page's type shows it). */
export function parseOkGroup(raw: unknown): NetPage {
  const list = Array.isArray(raw) ? raw : (raw as { groups?: unknown })?.groups;
  const [g] = parseList(list, groupSchema, 'ok:group.getInfo');
  if (!g) throw new AppError('NOT_FOUND', 'ok:group.getInfo: no group in the answer');
  const facts = emptyFacts();
  const set = <K extends keyof typeof facts>(k: K, v: (typeof facts)[K], field: string) => {
    facts[k] = v;
    if (v !== null) facts.sources[k] = src(field);
  };
  if (g.access_type !== undefined) set('isClosed', g.access_type !== 'OPEN', 'access_type');
  if (g.main_photo !== undefined || g.photo_id !== undefined)
    set('hasAvatar', true, g.main_photo ? 'main_photo' : 'photo_id');
  else if (g.pic_avatar !== undefined) set('hasAvatar', !DEFAULT_AVATAR.test(g.pic_avatar), 'pic_avatar');
  if (g.cover !== undefined) set('hasCover', g.cover !== null && g.cover !== false, 'cover');
  if (g.description !== undefined) set('hasDescription', g.description.trim() !== '', 'description');
  if (g.phone?.trim()) set('phone', g.phone.trim(), 'phone');
  if (g.homepage_url?.trim()) set('website', g.homepage_url.trim(), 'homepage_url');
  if (g.verified !== undefined) set('isVerified', g.verified, 'verified');
  return {
    network: 'ok',
    externalId: g.uid,
    name: g.name,
    screenName: g.shortname ?? null,
    url: g.shortname ? `https://ok.ru/${g.shortname}` : okGroupUrl(g.uid),
    members: g.members_count ?? null,
    description: g.description ?? '',
    gone: g.status === 'DELETED' || g.status === 'BLOCKED' ? g.status.toLowerCase() : null,
    facts,
  };
}

const MEDIA_KIND: Record<string, PostKind> = {
  photo: 'photo',
  movie: 'video',
  poll: 'poll',
  link: 'link',
  music: 'audio',
  app: 'link',
  reshare: 'repost',
};

function countOf(m: Record<string, unknown>): number {
  for (const key of ['list', 'photo_refs', 'movie_refs', 'track_refs']) {
    const v = m[key];
    if (Array.isArray(v)) return Math.max(1, v.length);
  }
  return 1;
}

/** mediatopic.getTopics / getByIds: `{media_topics: [...]}`. */
export function parseOkTopics(raw: unknown): NetPost[] {
  const list = Array.isArray(raw) ? raw : (raw as { media_topics?: unknown })?.media_topics;
  return parseList(list ?? [], topicSchema, 'ok:mediatopic').map((t) => {
    const counts: Partial<Record<PostKind, number>> = {};
    const texts: string[] = [];
    for (const m of t.media) {
      if (m.type === 'text') texts.push(String(m.text ?? ''));
      const kind = MEDIA_KIND[m.type];
      if (kind) counts[kind] = (counts[kind] ?? 0) + countOf(m);
    }
    const text = texts.join('\n');
    return {
      network: 'ok' as const,
      id: t.id,
      postedAt: Math.floor(t.created_ms / 1000),
      text,
      kinds: kindsOf(text, counts),
      counts,
      metrics: {
        likes: t.like_summary?.count ?? null,
        comments: t.discussion_summary?.comments_count ?? null,
        reposts: t.reshare_summary?.count ?? null,
        views: t.views_count ?? null,
      },
      isPinned: t.is_sticky === true,
      isRepost: (counts.repost ?? 0) > 0,
    };
  });
}

/** OK writes comment times as "YYYY-MM-DD HH:mm:ss" (modelled as UTC). */
function okDate(s: string, where: string): number {
  const ms = Date.parse(`${s.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms)) throw new AppError('UPSTREAM_UNAVAILABLE', `${where}: bad date ${JSON.stringify(s)}`);
  return Math.floor(ms / 1000);
}

/** discussions.getComments: `{comments: [...], anchor, has_more}`. */
export function parseOkComments(raw: unknown, postId: string): NetComment[] {
  const list = (raw as { comments?: unknown })?.comments ?? [];
  return parseList(list, commentSchema, 'ok:discussions.getComments').map((c) => ({
    network: 'ok' as const,
    id: c.id,
    postId,
    fromId: c.author_id,
    postedAt: okDate(c.date, `ok:discussions.getComments ${c.id}`),
    text: c.text,
    replyTo: c.reply_to_comment_id ?? null,
    isFromPage: c.author_type === 'GROUP',
  }));
}
