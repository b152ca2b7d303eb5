// Shapes stored rows into the artifacts rules read, for a batch of pages at a time.
import {
  type CommentSnapshot,
  type PostSnapshot,
  type RawRow,
  readCommentRows,
  readComments,
  readLastPostsBefore,
  readPinnedPosts,
  readPostRows,
  readPosts,
  readProfiles,
} from '../collect/index.ts';
import type { CommentArtifact, PageArtifacts, PostArtifact, ProfileArtifact } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import type { InstitutionKind } from '../platform/db-schema.ts';
import type { AuditTarget } from '../registry/index.ts';

function postArtifact(r: PostSnapshot): PostArtifact {
  return {
    vkId: r.vk_id,
    postedAt: r.posted_at,
    editedAt: r.edited_at,
    text: r.text,
    photos: r.photos,
    videos: r.videos,
    clips: r.clips,
    polls: r.polls,
    lives: r.lives,
    docs: r.docs,
    links: r.links,
    likes: r.likes,
    comments: r.comments,
    reposts: r.reposts,
    views: r.views,
    isPinned: r.is_pinned === 1,
    isAd: r.is_ad === 1,
    isRepost: r.is_repost === 1,
    commentsClosed: r.comments_closed === 1,
  };
}

function commentArtifact(r: CommentSnapshot): CommentArtifact {
  return {
    vkId: r.vk_id,
    postVkId: r.post_vk_id,
    fromId: r.from_id,
    isFromCommunity: r.is_from_community === 1,
    postedAt: r.posted_at,
    replyTo: r.reply_to_comment,
    threadRoot: r.thread_root,
    text: r.text,
    isDeleted: r.is_deleted === 1,
  };
}

/** A post from a raw row (page_id, then POST_FIELDS in order): one object per row, no driver row object. */
function postFromRow(r: RawRow): PostArtifact {
  return {
    vkId: r[1] as number,
    postedAt: r[2] as number,
    editedAt: r[3] as number | null,
    text: r[4] as string,
    photos: r[5] as number,
    videos: r[6] as number,
    clips: r[7] as number,
    polls: r[8] as number,
    lives: r[9] as number,
    docs: r[10] as number,
    links: r[11] as number,
    likes: r[12] as number,
    comments: r[13] as number,
    reposts: r[14] as number,
    views: r[15] as number,
    isPinned: r[16] === 1,
    isAd: r[17] === 1,
    isRepost: r[18] === 1,
    commentsClosed: r[19] === 1,
  };
}

function commentFromRow(r: RawRow): CommentArtifact {
  return {
    vkId: r[2] as number,
    postVkId: r[1] as number,
    fromId: r[3] as number,
    isFromCommunity: r[4] === 1,
    postedAt: r[5] as number,
    replyTo: r[6] as number | null,
    threadRoot: r[7] as number | null,
    text: r[8] as string,
    isDeleted: r[9] === 1,
  };
}

/** Raw rows ordered by page (column 0) cut into each page's artifacts, in one pass. */
function groupRows<T>(rows: RawRow[], make: (row: RawRow) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  let current = -1;
  let list: T[] = [];
  for (const row of rows) {
    const page = row[0] as number;
    if (page !== current) {
      current = page;
      list = out.get(page) ?? [];
      out.set(page, list);
    }
    list.push(make(row));
  }
  return out;
}

/** Posts and comments of a batch per page: raw column arrays on SQLite, row objects on PostgreSQL. */
async function readContent(db: Db, ids: number[], period: { start: number; end: number }) {
  if (db.sqlite)
    return {
      posts: groupRows(readPostRows(db.sqlite, ids, period), postFromRow),
      comments: groupRows(readCommentRows(db.sqlite, ids, period), commentFromRow),
    };
  const [posts, comments] = await Promise.all([readPosts(db, ids, period), readComments(db, ids, period)]);
  const postsBy = new Map<number, PostArtifact[]>();
  for (const [page, rows] of groupBy(posts, (p) => p.page_id)) postsBy.set(page, rows.map(postArtifact));
  const commentsBy = new Map<number, CommentArtifact[]>();
  for (const [page, rows] of groupBy(comments, (c) => c.page_id))
    commentsBy.set(page, rows.map(commentArtifact));
  return { posts: postsBy, comments: commentsBy };
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Loads the artifacts of a batch of pages (sorted by id) for one period. */
export async function loadArtifacts(
  db: Db,
  targets: AuditTarget[],
  period: { start: number; end: number },
): Promise<PageArtifacts[]> {
  if (targets.length === 0) return [];
  const ids = targets.map((t) => t.id);
  const [profiles, content, before, pinned] = await Promise.all([
    readProfiles(db, ids, period.end),
    readContent(db, ids, period),
    readLastPostsBefore(db, ids, period.start),
    readPinnedPosts(db, ids),
  ]);
  return targets.map((t) => {
    const profile = profiles.get(t.id);
    const pagePosts = content.posts.get(t.id) ?? [];
    const inPeriod = new Set(pagePosts.map((p) => p.vkId));
    const pinnedRow = pinned.get(t.id);
    return {
      page: { id: t.id, url: t.url, status: t.status },
      institution: t.full_name
        ? {
            fullName: t.full_name,
            shortName: t.short_name,
            kind: t.kind as InstitutionKind,
            website: t.website,
            regionCode: t.region_code ?? '',
          }
        : null,
      profile: profile ? profileArtifact(profile) : null,
      posts: pagePosts,
      comments: (content.comments.get(t.id) ?? []).filter((c) => inPeriod.has(c.postVkId)),
      lastPostBefore: before.get(t.id) ?? null,
      pinned: pinnedRow ? postArtifact(pinnedRow) : null,
      external: {},
    };
  });
}

type ProfileRow = Awaited<ReturnType<typeof readProfiles>> extends Map<number, infer R> ? R : never;

/** A stored 0/1/NULL fact as the audit reads it: NULL stays unknown, never "no". */
const tri = (v: number | null): boolean | null => (v === null ? null : v === 1);

function profileArtifact(p: ProfileRow): ProfileArtifact {
  return {
    collectedAt: p.collected_at,
    name: p.name,
    screenName: p.screen_name,
    isClosed: p.is_closed,
    deactivated: p.deactivated,
    isVerified: tri(p.is_verified),
    membersCount: p.members_count,
    description: p.description,
    site: p.site,
    activity: p.activity,
    hasAvatar: tri(p.has_avatar),
    hasCover: tri(p.has_cover),
    wall: p.wall,
    contacts: parseJson(p.contacts_json, []),
    address: parseJson(p.addresses_json, null),
    phone: p.phone,
    menuWidgets: parseJson(p.menu_widgets_json, null),
    sources: parseJson(p.sources_json, {}),
  };
}
