// Maps parsed VK objects to snapshot rows, as a collection stores them.
import type { PageStatus } from '../platform/db-schema.ts';
import {
  countAttachments,
  VK_DEFAULT_AVATAR,
  type VkComment,
  type VkGroup,
  type VkPost,
} from '../vk/index.ts';
import type { CommentRow, PostRow, SnapshotRow } from './snapshot.repo.ts';

const flag = (v: boolean | undefined): 0 | 1 => (v ? 1 : 0);

export function vkPostRow(p: VkPost, pageId: number, at: number): PostRow {
  const copy = p.copy_history?.[0];
  return {
    page_id: pageId,
    vk_id: p.id,
    posted_at: p.date,
    edited_at: p.edited ?? null,
    text: p.text,
    ...countAttachments(p.attachments),
    likes: p.likes?.count ?? 0,
    comments: p.comments?.count ?? 0,
    reposts: p.reposts?.count ?? 0,
    views: p.views?.count ?? 0,
    is_pinned: flag(p.is_pinned),
    is_ad: flag(p.marked_as_ads),
    is_repost: flag(copy !== undefined),
    repost_owner_id: copy?.owner_id ?? null,
    repost_post_id: copy?.id ?? null,
    comments_closed: p.comments?.can_post === 0 ? 1 : 0,
    is_deleted: flag(p.is_deleted),
    collected_at: at,
  };
}

export function vkCommentRow(
  c: VkComment,
  pageId: number,
  groupId: number,
  postId: number,
  at: number,
): CommentRow {
  const root = c.parents_stack?.[0] ?? null;
  return {
    page_id: pageId,
    post_vk_id: c.post_id ?? postId,
    vk_id: c.id,
    from_id: c.from_id ?? 0,
    is_from_community: flag(c.from_id === -groupId),
    posted_at: c.date,
    reply_to_comment: c.reply_to_comment ?? root,
    thread_root: root,
    text: c.deleted ? '' : c.text,
    is_deleted: flag(c.deleted),
    collected_at: at,
  };
}

/** A community's page status from VK's `deactivated` and `is_closed`. */
export function communityStatus(deactivated: string | null | undefined, isClosed: number): PageStatus {
  if (deactivated) return deactivated === 'banned' ? 'banned' : 'deleted';
  return isClosed > 0 ? 'closed' : 'active';
}

export function vkPageStatus(g: VkGroup): PageStatus {
  return communityStatus(g.deactivated, g.is_closed);
}

export function vkSnapshotRow(g: VkGroup, pageId: number, at: number): SnapshotRow {
  const hasAvatar = g.has_photo ?? (g.photo_200 ? !VK_DEFAULT_AVATAR.test(g.photo_200) : false);
  const contacts = (g.contacts ?? []).map((c) => ({ phone: c.phone ?? null, email: c.email ?? null }));
  return {
    page_id: pageId,
    collected_at: at,
    name: g.name,
    screen_name: g.screen_name ?? null,
    is_closed: g.is_closed,
    deactivated: g.deactivated ?? null,
    is_verified: flag(g.is_government_organization),
    members_count: g.members_count ?? 0,
    description: g.description ?? '',
    site: g.site || null,
    activity: g.activity ?? null,
    has_avatar: flag(hasAvatar),
    has_cover: flag(g.cover?.enabled),
    wall: g.wall ?? 1,
    contacts_json: contacts.length > 0 ? JSON.stringify(contacts) : null,
    addresses_json: g.addresses?.is_enabled ? JSON.stringify({ address: null, timetable: null }) : null,
    extra_json: JSON.stringify({ type: g.type ?? null, verified: g.verified ?? false }),
  };
}
