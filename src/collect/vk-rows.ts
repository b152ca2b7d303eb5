// Maps parsed VK objects to snapshot rows, as a collection stores them.
import type { PageStatus } from '../platform/db-schema.ts';
import {
  type AddressFacts,
  checkMenuOgrn,
  countAttachments,
  isVisitorPost,
  profileFacts,
  type VkComment,
  type VkGroup,
  type VkPost,
} from '../vk/index.ts';
import type { CommentRow, PostRow, SnapshotRow } from './snapshot.repo.ts';

const flag = (v: boolean | undefined): 0 | 1 => (v ? 1 : 0);

/**
 * A post as stored. `ownerId` is the page's wall (minus the community's id): a visitor's post on it is kept but
 * marked, and the audit does not count it. A repost's attachments are the original's (in `copy_history`), not
 * counted as the page's own.
 */
export function vkPostRow(p: VkPost, pageId: number, ownerId: number, at: number): PostRow {
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
    from_id: p.from_id ?? null,
    is_visitor: flag(isVisitorPost(p, ownerId)),
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
    deleted_at: c.deleted ? at : null,
    replies_missing: c.repliesMissing ?? null,
  };
}

/** A community's page status from VK's `deactivated` and `is_closed`. */
export function communityStatus(deactivated: string | null | undefined, isClosed: number): PageStatus {
  if (deactivated) return deactivated === 'banned' ? 'banned' : 'deleted';
  return isClosed > 0 ? 'closed' : 'active';
}

export function vkPageStatus(g: VkGroup): PageStatus {
  return communityStatus(g.deactivated, g.is_closed ?? 0);
}

const tri = (v: boolean | null): 0 | 1 | null => (v === null ? null : v ? 1 : 0);

/**
 * What a profile snapshot takes beyond groups.getById: the addresses block VK sent (groups.getAddresses; null or
 * absent: not read) and the registry's OGRN of the page's institution (the menu's widgets are checked against it).
 */
export type ProfileExtras = { addresses?: AddressFacts | null; registryOgrn?: string | null };

export function vkSnapshotRow(
  g: VkGroup,
  pageId: number,
  at: number,
  extras: ProfileExtras = {},
): SnapshotRow {
  // Each fact yes / no / unknown (NULL) as VK sent it, with where it came from.
  const facts = profileFacts(g);
  const contacts = (g.contacts ?? []).map((c) => ({ phone: c.phone ?? null, email: c.email ?? null }));
  const sources = { ...facts.sources };
  const read = extras.addresses ?? null;
  if (read?.address) sources.address = 'vk:groups.getAddresses.address';
  if (read?.timetable) sources.timetable = 'vk:groups.getAddresses.timetable';
  // The profile's own phone first; else the address's.
  const phone = facts.phone ?? read?.phone ?? null;
  if (facts.phone === null && read?.phone) sources.phone = 'vk:groups.getAddresses.phone';
  const widgets = checkMenuOgrn(facts.menuWidgets, extras.registryOgrn ?? null);
  if (widgets?.some((w) => w.matchesRegistry !== null))
    sources.menuOgrn = 'vk:groups.getById.menu+registry.ogrn';
  return {
    page_id: pageId,
    collected_at: at,
    name: g.name,
    screen_name: g.screen_name ?? null,
    is_closed: facts.isClosed,
    deactivated: g.deactivated ?? null,
    is_verified: tri(facts.isVerified),
    members_count: g.members_count ?? 0,
    description: g.description ?? '',
    site: g.site || null,
    activity: g.activity ?? null,
    has_avatar: tri(facts.hasAvatar),
    has_cover: tri(facts.hasCover),
    wall: facts.wall,
    contacts_json: contacts.length > 0 ? JSON.stringify(contacts) : null,
    addresses_json: read
      ? JSON.stringify({
          address: read.address,
          timetable: read.timetable,
          phone: read.phone,
          items: read.items,
        })
      : flagOn(g.addresses?.is_enabled)
        ? JSON.stringify({ address: null, timetable: null })
        : null,
    extra_json: JSON.stringify({ type: g.type ?? null, verified: g.verified ?? null }),
    phone,
    menu_widgets_json: widgets === null ? null : JSON.stringify(widgets),
    sources_json: JSON.stringify(sources),
  };
}

export const flagOn = (v: unknown) => v === true || v === 1 || v === '1';
