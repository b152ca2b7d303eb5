// Maps a world's communities, posts and comments to snapshot rows, as a collection of them would store.
import type { PageStatus } from '../platform/db-schema.ts';
import type { WorldComment, WorldCommunity, WorldPost } from '../vk-sim/index.ts';
import type { CommentRow, PostRow, SnapshotRow } from './snapshot.repo.ts';
import { communityStatus } from './vk-rows.ts';

const flag = (value: boolean): 0 | 1 => (value ? 1 : 0);

export function pageStatusOf(c: WorldCommunity): PageStatus {
  return communityStatus(c.deactivated, c.is_closed);
}

/** Whether a third party can read the wall: VK answers 15/18/30 for closed or deactivated communities. */
export function isWallReadable(c: WorldCommunity): boolean {
  return !c.deactivated && c.is_closed === 0;
}

export function snapshotRow(c: WorldCommunity, pageId: number, at: number): SnapshotRow {
  return {
    page_id: pageId,
    collected_at: at,
    name: c.name,
    screen_name: c.screen_name,
    is_closed: c.is_closed,
    deactivated: c.deactivated,
    is_verified: flag(c.gov_mark),
    members_count: c.members_count,
    description: c.description,
    site: c.site,
    activity: c.activity,
    has_avatar: flag(c.has_avatar),
    has_cover: flag(c.has_cover),
    wall: c.wall,
    contacts_json: c.phone || c.email ? JSON.stringify([{ phone: c.phone, email: c.email }]) : null,
    addresses_json: c.address ? JSON.stringify({ address: c.address, timetable: c.opening_hours }) : null,
    extra_json: JSON.stringify({ type: c.type, verified: c.verified }),
    phone: c.phone,
    menu_widgets_json: null,
    // A demo world knows every fact; loaded straight, not read from VK.
    sources_json: JSON.stringify({ profile: 'world' }),
  };
}

export function postRow(p: WorldPost, pageId: number, communityId: number, at: number): PostRow {
  const a = p.attachments;
  return {
    page_id: pageId,
    vk_id: p.id,
    posted_at: p.date,
    edited_at: null,
    text: p.text,
    photos: a.photo ?? 0,
    videos: a.video ?? 0,
    clips: a.clip ?? 0,
    polls: a.poll ?? 0,
    lives: p.live_upcoming ? 0 : (a.live ?? 0),
    docs: a.doc ?? 0,
    links: a.link ?? 0,
    podcasts: a.podcast ?? 0,
    audios: a.audio ?? 0,
    likes: p.likes,
    comments: p.comments,
    reposts: p.reposts,
    views: p.views,
    is_pinned: flag(p.is_pinned),
    is_ad: flag(p.marked_as_ads),
    is_repost: flag(p.copy_of !== null),
    repost_owner_id: p.copy_of?.owner_id ?? null,
    repost_post_id: p.copy_of?.id ?? null,
    comments_closed: flag(p.comments_closed),
    is_deleted: 0,
    collected_at: at,
    from_id: p.from_id ?? -communityId,
    is_visitor: flag(p.from_id !== undefined && p.from_id !== -communityId),
  };
}

export function commentRow(c: WorldComment, pageId: number, communityId: number, at: number): CommentRow {
  return {
    page_id: pageId,
    post_vk_id: c.post_id,
    vk_id: c.id,
    from_id: c.from_id,
    is_from_community: flag(c.from_id === -communityId),
    posted_at: c.date,
    reply_to_comment: c.reply_to_comment,
    thread_root: c.thread_root,
    text: c.text,
    is_deleted: flag(c.deleted),
    collected_at: at,
  };
}
