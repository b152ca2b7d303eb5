// Shapes stored rows into the artifacts rules read, for a batch of pages at a time.
import {
  type CommentSnapshot,
  type PostSnapshot,
  readComments,
  readLastPostsBefore,
  readPinnedPosts,
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
  const [profiles, posts, comments, before, pinned] = await Promise.all([
    readProfiles(db, ids, period.end),
    readPosts(db, ids, period),
    readComments(db, ids, period),
    readLastPostsBefore(db, ids, period.start),
    readPinnedPosts(db, ids),
  ]);
  const postsBy = groupBy(posts, (p) => p.page_id);
  const commentsBy = groupBy(comments, (c) => c.page_id);
  return targets.map((t) => {
    const profile = profiles.get(t.id);
    const pagePosts = (postsBy.get(t.id) ?? []).map(postArtifact);
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
      comments: (commentsBy.get(t.id) ?? []).filter((c) => inPeriod.has(c.post_vk_id)).map(commentArtifact),
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
