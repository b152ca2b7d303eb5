// What a rule sees: one page's stored snapshots over one period. Rules read these and nothing else.
import type { InstitutionKind } from '../platform/db-schema.ts';

/** A feedback-platform (ПОС) widget link found in the community menu, on the Gosuslugi domain. */
/** `matchesRegistry`: its OGRN against the registry's for the page (null: either is unknown). */
export type MenuWidget = { url: string; ogrn: string | null; matchesRegistry?: boolean | null };

/**
 * A page's profile as VK described it. A fact VK may omit is tri-state: true/false (or a number) when VK sent
 * it, null when it did not (unknown, never "no"). `sources` names where each fact came from.
 */
export type ProfileArtifact = {
  collectedAt: number;
  name: string;
  screenName: string | null;
  isClosed: number | null;
  deactivated: string | null;
  /** The state organisation mark. */
  isVerified: boolean | null;
  membersCount: number;
  description: string;
  site: string | null;
  activity: string | null;
  hasAvatar: boolean | null;
  hasCover: boolean | null;
  /** 0 off, 1 open, 2 limited, 3 closed; null: VK did not send it. */
  wall: number | null;
  contacts: { phone?: string | null; email?: string | null }[];
  address: { address?: string | null; timetable?: string | null } | null;
  phone?: string | null;
  /** Feedback-platform widgets in the community menu; [] none there; null: the menu was not sent. */
  menuWidgets?: MenuWidget[] | null;
  /** Where each fact came from, e.g. `isVerified: 'vk:groups.getById.is_government_organization'`. */
  sources?: Record<string, string>;
};

export type PostArtifact = {
  vkId: number;
  postedAt: number;
  editedAt: number | null;
  text: string;
  photos: number;
  videos: number;
  clips: number;
  polls: number;
  lives: number;
  docs: number;
  links: number;
  likes: number;
  comments: number;
  reposts: number;
  views: number;
  isPinned: boolean;
  isAd: boolean;
  isRepost: boolean;
  commentsClosed: boolean;
};

export type CommentArtifact = {
  vkId: number;
  postVkId: number;
  fromId: number;
  isFromCommunity: boolean;
  postedAt: number;
  replyTo: number | null;
  threadRoot: number | null;
  text: string;
  isDeleted: boolean;
};

export type InstitutionArtifact = {
  fullName: string;
  shortName: string | null;
  kind: InstitutionKind;
  website: string | null;
  regionCode: string;
};

/** Where a fact outside VK's answer came from: an operator's check or the region's Госпаблики export. */
export type FactSource = {
  source: 'manual' | 'export' | 'vk-menu';
  at: number;
  by?: string;
  evidence?: string;
};

/**
 * Facts Publica cannot read from VK: recorded by an operator or imported from the region's Госпаблики export.
 * Absent = unknown. `sources` names where each present fact came from. Stale checks are left out on load.
 */
export type ExternalArtifact = {
  feedbackWidgets?: number;
  gospublikiConnected?: boolean;
  siteBacklink?: boolean;
  twoFactor?: boolean;
  stateMark?: boolean;
  /** The export's design percentage (0..100), kept for the card. */
  designPercent?: number;
  /** The export's activity percentage (0..100), kept for the card. */
  activityPercent?: number;
  sources?: Partial<Record<ExternalFact, FactSource>>;
};

export type ExternalFact =
  | 'feedbackWidgets'
  | 'gospublikiConnected'
  | 'siteBacklink'
  | 'twoFactor'
  | 'stateMark';

export type PageArtifacts = {
  page: { id: number; url: string; status: string };
  institution: InstitutionArtifact | null;
  profile: ProfileArtifact | null;
  /** Posts published in the period, deleted ones left out. */
  posts: PostArtifact[];
  /** Comments on those posts. */
  comments: CommentArtifact[];
  /** The latest post before the period, if any (for silences that start before it). */
  lastPostBefore: number | null;
  /** The pinned post, whenever it was published. */
  pinned: PostArtifact | null;
  external: ExternalArtifact;
  /** Dates of own posts with live broadcasts over the quarter ending at the period's end (for `live`). */
  quarterLives?: number[];
};

export type Period = { start: number; end: number; timezone: string };

/** School holidays as [start, end) unix-second ranges overlapping the period. */
export type RuleContext = { period: Period; holidays: [number, number][] };

/**
 * `unknown`: the input the rule needs is not known (VK left it out, or nobody checked yet); the result says
 * why and how to supply it. `manual` is kept for runs stored before `unknown` existed.
 */
export type RuleStatus = 'pass' | 'fail' | 'warn' | 'na' | 'unknown' | 'manual' | 'error';

/** Why a rule's input is unknown and how to supply it. */
export type Unknown = {
  /** The fact that is missing (state_mark, widgets, wall…). */
  fact: string;
  /** How to supply it: collect again with the field, record a manual check, or import the region's export. */
  supply: ('collect' | 'manual' | 'export')[];
};

export type Evidence =
  | { type: 'post'; id: number; date: number; note?: string }
  | { type: 'comment'; id: number; postId: number; date: number; text?: string; note?: string }
  | { type: 'field'; name: string; value: string | number | boolean | null }
  | { type: 'missing'; name: string }
  | { type: 'gap'; from: number; to: number; days: number };

export type RuleResult = {
  status: RuleStatus;
  value: number | null;
  evidence: Evidence[];
  /** Values for the recommendation template: {days}, {date}, {threshold}… */
  vars?: Record<string, string | number>;
  /** Set when status is `unknown`. */
  unknown?: Unknown;
  /** Where the judged fact came from, when not from VK's profile (manual, export, vk-menu). */
  source?: FactSource;
};
