// The world's communities, posts and comments in the shapes the VK API (5.199) returns them. The types are
// vk-io's, generated from VK's schema (type-only: nothing of vk-io runs), so the compiler checks names and types
// of every field we send; vk-io marks every field required, so they are taken as optional here.
import type { Objects } from 'vk-io';

/** Every field optional, at every depth; names and value types stay checked. */
type Loose<T> = T extends (infer U)[] ? Loose<U>[] : T extends object ? { [K in keyof T]?: Loose<T[K]> } : T;

import { MINISTRY_OWNER_ID } from '../world/wall.ts';
import type { AttachmentKind, WorldComment, WorldCommunity, WorldPost } from '../world/world.types.ts';

const CAMERA = 'https://vk.com/images/camera_200.png';

/**
 * A community as groups.getById returns it. The state organisation mark has no field in VK's published schema;
 * the simulator returns it as `is_government_organization` (see the collector's mapping), and leaves it out for a
 * community whose answer carries none (`mark_unsent`).
 */
export type SimGroup = Loose<Objects.GroupsGroupFull> & { is_government_organization?: boolean };

export function groupObject(c: WorldCommunity, fields: Set<string>): SimGroup {
  const avatar = c.has_avatar ? `https://sun.userapi.com/sim/club${c.id}_200.jpg` : CAMERA;
  const group: SimGroup = {
    id: c.id,
    name: c.name,
    screen_name: c.screen_name ?? `club${c.id}`,
    is_closed: c.is_closed,
    type: c.type,
    photo_50: avatar,
    photo_100: avatar,
    photo_200: avatar,
  };
  if (c.deactivated) group.deactivated = c.deactivated;
  const wants = (f: string) => fields.has(f);
  if (wants('description')) group.description = c.description;
  if (wants('site')) group.site = c.site ?? '';
  if (wants('activity')) group.activity = c.activity;
  if (wants('members_count')) group.members_count = c.members_count;
  if (wants('verified')) group.verified = c.verified ? 1 : 0;
  if (wants('is_government_organization') && !c.mark_unsent) group.is_government_organization = c.gov_mark;
  if (wants('wall')) group.wall = c.wall;
  if (wants('has_photo')) group.has_photo = c.has_avatar ? 1 : 0;
  if (wants('cover'))
    group.cover = c.has_cover
      ? {
          enabled: 1,
          images: [{ url: `https://sun.userapi.com/sim/cover${c.id}.jpg`, width: 1590, height: 530 }],
        }
      : { enabled: 0 };
  if (wants('contacts'))
    group.contacts =
      c.phone || c.email
        ? [{ phone: c.phone ?? undefined, email: c.email ?? undefined, desc: 'Приёмная' }]
        : [];
  if (wants('addresses'))
    group.addresses = c.address ? { is_enabled: true, main_address_id: c.id } : { is_enabled: false };
  if (wants('menu') && c.menu) group.menu = c.menu;
  return group;
}

/** The address as groups.getAddresses returns it (VK's schema: a week timetable in minutes from midnight). */
export function addressObject(c: WorldCommunity) {
  if (!c.address) return null;
  const hours = /(\d{1,2}):(\d{2})\D+(\d{1,2}):(\d{2})/.exec(c.opening_hours ?? '');
  const day = hours
    ? {
        open_time: Number(hours[1]) * 60 + Number(hours[2]),
        close_time: Number(hours[3]) * 60 + Number(hours[4]),
      }
    : undefined;
  return {
    id: c.id,
    address: c.address,
    title: c.name,
    ...(c.phone ? { phone: c.phone } : {}),
    work_info_status: day ? 'timetable' : 'no_information',
    ...(day ? { timetable: { mon: day, tue: day, wed: day, thu: day, fri: day } } : {}),
  };
}

function attachment(
  kind: AttachmentKind,
  ownerId: number,
  postId: number,
  n: number,
  upcoming = false,
): Loose<Objects.WallWallpostAttachment> {
  const id = postId * 100 + n;
  const video = (extra: Record<string, unknown>) => ({
    type: 'video',
    video: { id, owner_id: ownerId, title: 'Видео', duration: 60, date: 0, comments: 0, views: 0, ...extra },
  });
  switch (kind) {
    case 'photo':
      return {
        type: 'photo',
        photo: {
          id,
          owner_id: ownerId,
          album_id: -7,
          date: 0,
          has_tags: false,
          sizes: [{ type: 'x', url: `https://sun.userapi.com/sim/${id}.jpg`, width: 604, height: 453 }],
        },
      };
    case 'video':
      return video({ type: 'video' });
    case 'clip':
      return video({ type: 'short_video', title: 'Клип', duration: 25 });
    case 'live':
      return video({
        type: 'live',
        live: 1,
        title: 'Прямой эфир',
        live_status: upcoming ? 'upcoming' : 'finished',
        ...(upcoming ? { upcoming: 1 } : {}),
      });
    case 'poll':
      return {
        type: 'poll',
        poll: {
          id,
          owner_id: ownerId,
          question: 'Ваше мнение?',
          votes: 0,
          answers: [
            { id: 1, text: 'Да', votes: 0, rate: 0 },
            { id: 2, text: 'Нет', votes: 0, rate: 0 },
          ],
          multiple: false,
          end_date: 0,
          closed: false,
          is_board: false,
          can_edit: false,
          can_vote: true,
          can_report: true,
          can_share: true,
          created: 0,
          anonymous: false,
        },
      };
    case 'doc':
      return {
        type: 'doc',
        doc: {
          id,
          owner_id: ownerId,
          title: 'Документ.pdf',
          size: 1024,
          ext: 'pdf',
          date: 0,
          type: 1,
          url: `https://vk.com/doc${ownerId}_${id}`,
        },
      };
    case 'link':
      return {
        type: 'link',
        link: { url: 'https://edu.gov.ru/', title: 'Минпросвещения России', description: '' },
      };
    case 'audio':
      return {
        type: 'audio',
        audio: { id, owner_id: ownerId, artist: 'Школьный хор', title: 'Песня', duration: 180, date: 0 },
      };
    case 'podcast':
      return { type: 'podcast', podcast: { id, owner_id: ownerId, title: 'Подкаст', duration: 900 } };
  }
}

export function postObject(
  p: WorldPost,
  groupId: number,
  canComment: boolean,
): Loose<Objects.WallWallpostFull> {
  const ownerId = -groupId;
  const attachments = (Object.entries(p.attachments) as [AttachmentKind, number][]).flatMap(([kind, count]) =>
    Array.from({ length: count }, (_, n) => attachment(kind, ownerId, p.id, n, p.live_upcoming)),
  );
  const post: Loose<Objects.WallWallpostFull> = {
    id: p.id,
    owner_id: ownerId,
    from_id: p.from_id ?? ownerId,
    date: p.date,
    text: p.text,
    post_type: 'post',
    attachments,
    comments: { count: p.comments, can_post: canComment && !p.comments_closed ? 1 : 0 },
    likes: { count: p.likes, user_likes: 0, can_like: 1, can_publish: 1 },
    reposts: { count: p.reposts, user_reposted: 0 },
    views: { count: p.views },
    marked_as_ads: p.marked_as_ads ? 1 : 0,
  };
  if (p.is_pinned) post.is_pinned = 1;
  if (p.copy_of) {
    post.copy_history = [
      {
        id: p.copy_of.id,
        owner_id: p.copy_of.owner_id,
        from_id: p.copy_of.owner_id ?? MINISTRY_OWNER_ID,
        date: p.date - 3600,
        text: 'Новости министерства',
        post_type: 'post',
      },
    ];
  }
  return post;
}

export function commentObject(c: WorldComment, groupId: number): Loose<Objects.WallWallComment> {
  const ownerId = -groupId;
  if (c.deleted)
    return {
      id: c.id,
      from_id: 0,
      date: c.date,
      text: '',
      post_id: c.post_id,
      owner_id: ownerId,
      deleted: true,
      parents_stack: [],
    };
  const comment: Loose<Objects.WallWallComment> = {
    id: c.id,
    from_id: c.from_id,
    date: c.date,
    text: c.text,
    post_id: c.post_id,
    owner_id: ownerId,
    parents_stack: c.thread_root ? [c.thread_root] : [],
    likes: { count: 0, user_likes: 0, can_like: 1 },
  };
  if (c.reply_to_comment) {
    comment.reply_to_comment = c.reply_to_comment;
    if (c.from_id > 0) comment.reply_to_user = c.from_id;
  }
  return comment;
}
