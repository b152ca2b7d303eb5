// The shape of a demo world: institutions, their VK communities and the parameters their walls grow from.
import type { InstitutionKind } from '../../platform/db-schema.ts';

export const WORLD_FORMAT = 1;

export type WorldParams = {
  institutions: number;
  regions: number;
  seed: number;
  /** End of the world's history, an ISO date (UTC midnight); walls hold posts of the `days` before it. */
  asOf: string;
  days: number;
  /** Past seminars in the world's story (the demo's): their attendees' pages get better afterwards. */
  seminars?: number;
  /**
   * VK's content-truth cases on some walls: visitors' posts on open walls, broadcasts announced but not held,
   * comments that vanish after the world's end (between two collections), threads longer than VK sends inline.
   */
  truthCases?: boolean;
};

export type WorldMeta = WorldParams & {
  format: typeof WORLD_FORMAT;
  regionCodes: string[];
  counts: { institutions: number; municipalities: number; communities: number; inRegistry: number };
};

export type WorldInstitution = {
  inn: string;
  ogrn: string;
  full_name: string;
  short_name: string;
  kind: InstitutionKind;
  region_code: string;
  municipality: string;
  address: string;
  website: string | null;
};

/** How a page behaves: the world's classes of quality. */
export type PageProfile = 'flagship' | 'active' | 'average' | 'business_card' | 'silent';

export type WallParams = {
  profile: PageProfile;
  postsPerWeek: number;
  /** Days before asOf with no posts at all (silent pages stopped posting). */
  silentDays: number;
  /** The page was created this many days before asOf (some were created mid-period). */
  ageDays: number;
  repostShare: number;
  photoShare: number;
  pollsPerMonth: number;
  clipsPerMonth: number;
  videosPerMonth: number;
  livesPerQuarter: number;
  rubricShare: number;
  commentsPerPost: number;
  questionShare: number;
  answerRate: number;
  answerHoursMedian: number;
  adsShare: number;
  obscenityShare: number;
  personalDataShare: number;
  hasPinned: boolean;
  commentsClosed: boolean;
  viewsPerMember: number;
};

export type WorldCommunity = {
  id: number;
  /** INN of the institution this page belongs to. */
  inn: string;
  name: string;
  screen_name: string | null;
  type: 'group' | 'page';
  is_closed: 0 | 1 | 2;
  deactivated: 'deleted' | 'banned' | null;
  gov_mark: boolean;
  /**
   * VK's answer for this community carries no state-mark field at all (real answers often do not): whatever
   * gov_mark says, a collector learns nothing of the mark until an operator's check or the region's Госпаблики
   * export says. A world loaded straight (not read from VK) still knows gov_mark.
   */
  mark_unsent?: true;
  verified: boolean;
  members_count: number;
  description: string;
  site: string | null;
  activity: string;
  has_avatar: boolean;
  has_cover: boolean;
  phone: string | null;
  email: string | null;
  address: string | null;
  opening_hours: string | null;
  /** 0 off, 1 open, 2 limited, 3 closed — as VK's `wall` field. */
  wall: 0 | 1 | 2 | 3;
  /** How the registry writes this page's address; null when the registry does not list the page. */
  registry_url: string | null;
  wall_params: WallParams;
  /** The community menu as VK sends it for `fields=menu` (undocumented); absent: VK sends none. */
  menu?: { items: { id: number; title: string; url: string }[] };
  /** The page's admin attended a seminar this many days before asOf and posts better from then on. */
  trained_days_ago?: number;
};

/** A seminar held in the world's past: who was invited and who attended (INNs), and when. */
export type WorldSeminar = {
  key: number;
  region_code: string;
  days_ago: number;
  invited: string[];
  attended: string[];
};

export type AttachmentKind =
  | 'photo'
  | 'video'
  | 'clip'
  | 'poll'
  | 'live'
  | 'doc'
  | 'link'
  | 'podcast'
  | 'audio';

export type WorldPost = {
  id: number;
  date: number;
  text: string;
  attachments: Partial<Record<AttachmentKind, number>>;
  likes: number;
  reposts: number;
  views: number;
  comments: number;
  is_pinned: boolean;
  marked_as_ads: boolean;
  copy_of: { owner_id: number; id: number } | null;
  comments_closed: boolean;
  /** The author when not the community: a visitor's post on an open wall. */
  from_id?: number;
  /** A live broadcast only announced (VK's live_status "upcoming"), not held. */
  live_upcoming?: boolean;
};

export type WorldComment = {
  id: number;
  post_id: number;
  from_id: number;
  date: number;
  text: string;
  reply_to_comment: number | null;
  thread_root: number | null;
  deleted: boolean;
  /** Deleted on VK at this time (after the world's end): VK stops returning it once its clock passes. */
  gone_at?: number;
};

export type Wall = { posts: WorldPost[]; comments: WorldComment[] };
