// Stores what a network collection read in the same tables as VK's, through their owner (collect): its posts
// and comments keyed by page and the network's numeric id, its profile as a snapshot, upserted so a run resumed
// after a crash writes each row once. The page's status and resolved id go to the registry (markNetworkPage).
import {
  insertNetworkSnapshotRow,
  upsertNetworkCommentRows,
  upsertNetworkPostRows,
} from '../collect/index.ts';
import type { Db } from '../platform/db.ts';
import type { Platform } from '../platform/db-schema.ts';
import type { NetComment, NetPage, NetPost } from './model.ts';

export type NetworkPageRow = {
  id: number;
  url: string;
  external_id: number | null;
  screen_name: string | null;
};

export async function listNetworkPages(db: Db, platform: Platform): Promise<NetworkPageRow[]> {
  return db.kysely
    .selectFrom('pages')
    .select(['id', 'url', 'external_id', 'screen_name'])
    .where('platform', '=', platform)
    .orderBy('id')
    .execute();
}

const flag = (v: boolean | null) => (v === null ? null : v ? (1 as const) : (0 as const));

/**
 * The page's profile as the network described it, appended like VK's snapshots: each fact yes / no / unknown
 * (NULL) and `sources_json` naming the network, method and field it came from, so the report card can say so.
 */
export async function insertNetworkSnapshot(
  db: Db,
  pageId: number,
  page: NetPage,
  at: number,
): Promise<void> {
  const f = page.facts;
  await insertNetworkSnapshotRow(db, {
    page_id: pageId,
    collected_at: at,
    name: page.name,
    screen_name: page.screenName,
    is_closed: f.isClosed === null ? null : f.isClosed ? 1 : 0,
    deactivated: page.gone,
    is_verified: flag(f.isVerified),
    members_count: page.members ?? 0,
    description: page.description,
    site: f.website,
    activity: null,
    has_avatar: flag(f.hasAvatar),
    has_cover: flag(f.hasCover),
    wall: null,
    contacts_json: f.phone ? JSON.stringify([{ phone: f.phone }]) : null,
    addresses_json: null,
    extra_json: JSON.stringify({ network: page.network, membersKnown: page.members !== null }),
    phone: f.phone,
    menu_widgets_json: null,
    sources_json: JSON.stringify(f.sources),
  });
}

export async function upsertNetworkPosts(
  db: Db,
  pageId: number,
  posts: NetPost[],
  at: number,
): Promise<void> {
  const rows = posts.map((p) => {
    const id = p.numericId ?? Number(p.id);
    if (!Number.isSafeInteger(id))
      throw new Error(`${p.network} post ${p.id}: no numeric id to store it under`);
    const row = {
      page_id: pageId,
      vk_id: id,
      posted_at: p.postedAt,
      edited_at: null,
      text: p.text,
      photos: p.counts.photo ?? 0,
      videos: p.counts.video ?? 0,
      clips: p.counts.clip ?? 0,
      polls: p.counts.poll ?? 0,
      lives: p.counts.live ?? 0,
      docs: p.counts.doc ?? 0,
      links: p.counts.link ?? 0,
      podcasts: 0,
      audios: p.counts.audio ?? 0,
      likes: p.metrics.likes ?? 0,
      comments: p.metrics.comments ?? 0,
      reposts: p.metrics.reposts ?? 0,
      views: p.metrics.views ?? 0,
      is_pinned: p.isPinned ? (1 as const) : (0 as const),
      is_ad: 0 as const,
      is_repost: p.isRepost ? (1 as const) : (0 as const),
      repost_owner_id: null,
      repost_post_id: null,
      comments_closed: 0 as const,
      is_deleted: 0 as const,
      collected_at: at,
      from_id: null,
    };
    return row;
  });
  await upsertNetworkPostRows(db, rows);
}

export async function upsertNetworkComments(
  db: Db,
  pageId: number,
  comments: NetComment[],
  at: number,
): Promise<void> {
  const rows = comments.map((c) => ({
    page_id: pageId,
    post_vk_id: Number(c.postId),
    vk_id: Number(c.id),
    from_id: Number(c.fromId),
    is_from_community: c.isFromPage ? (1 as const) : (0 as const),
    posted_at: c.postedAt,
    reply_to_comment: c.replyTo ? Number(c.replyTo) : null,
    thread_root: null,
    text: c.text,
    is_deleted: 0 as const,
    collected_at: at,
    deleted_at: null,
  }));
  await upsertNetworkCommentRows(db, rows);
}
