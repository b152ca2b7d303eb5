// The database as one type: every query in every repo is checked against it.
// Times are unix seconds (integers) and flags are 0/1 integers, so both dialects store them alike.
import type { Generated } from 'kysely';
import type { InstitutionKind } from './vocabulary.ts';

export type Flag = 0 | 1;

export interface RegionTable {
  code: string;
  iso_code: string;
  name_ru: string;
  name_en: string;
  capital_ru: string;
  timezone: string;
  /** The methodology version the region chose; null = the national default. */
  methodology_version: string | null;
}

export interface MunicipalityTable {
  id: Generated<number>;
  region_code: string;
  name: string;
}

export type { InstitutionKind };

export interface InstitutionTable {
  id: Generated<number>;
  inn: string | null;
  ogrn: string | null;
  full_name: string;
  short_name: string | null;
  kind: InstitutionKind;
  region_code: string;
  municipality_id: number | null;
  address: string | null;
  website: string | null;
  created_at: number;
  updated_at: number;
}

export type Platform = 'vk' | 'ok' | 'max' | 'telegram';
export type PageStatus = 'unknown' | 'active' | 'closed' | 'deleted' | 'banned';

export interface PageTable {
  id: Generated<number>;
  institution_id: number | null;
  platform: Platform;
  external_id: number | null;
  screen_name: string | null;
  url: string;
  status: PageStatus;
  last_collected_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface PageSnapshotTable {
  id: Generated<number>;
  page_id: number;
  collected_at: number;
  name: string;
  screen_name: string | null;
  /** NULL: VK did not send the fact (unknown), here and in the other nullable facts. */
  is_closed: number | null;
  deactivated: string | null;
  is_verified: Flag | null;
  members_count: number;
  description: string;
  site: string | null;
  activity: string | null;
  has_avatar: Flag | null;
  has_cover: Flag | null;
  wall: number | null;
  contacts_json: string | null;
  addresses_json: string | null;
  extra_json: string | null;
  /** The phone VK sent (the `phone` field or the first contact's); NULL: none sent. */
  phone: string | null;
  /** JSON: the feedback-platform widgets found in the community menu ({url, ogrn}[]); NULL: no menu sent. */
  menu_widgets_json: string | null;
  /** JSON: where each fact came from, e.g. {"isVerified": "vk:groups.getById.is_government_organization"}. */
  sources_json: string | null;
}

export interface PostTable {
  id: Generated<number>;
  page_id: number;
  vk_id: number;
  posted_at: number;
  edited_at: number | null;
  text: string;
  photos: number;
  videos: number;
  clips: number;
  polls: number;
  lives: number;
  docs: number;
  links: number;
  podcasts: number;
  audios: number;
  likes: number;
  comments: number;
  reposts: number;
  views: number;
  is_pinned: Flag;
  is_ad: Flag;
  is_repost: Flag;
  repost_owner_id: number | null;
  repost_post_id: number | null;
  comments_closed: Flag;
  is_deleted: Flag;
  collected_at: number;
  /** The author: the community (negative id) or a visitor; NULL for rows stored before it was kept. */
  from_id: number | null;
  /** 1: a visitor's post on an open wall, kept but not the community's own. */
  is_visitor: Generated<Flag>;
}

export interface CommentTable {
  id: Generated<number>;
  page_id: number;
  post_vk_id: number;
  vk_id: number;
  from_id: number;
  is_from_community: Flag;
  posted_at: number;
  reply_to_comment: number | null;
  thread_root: number | null;
  text: string;
  is_deleted: Flag;
  collected_at: number;
  /** When a comment was found gone from VK between two reads; NULL while it is there. */
  deleted_at: number | null;
  /** Replies VK counted in this comment's thread but did not send (an import's short thread); NULL: none. */
  replies_missing: number | null;
}

export type RunStatus = 'running' | 'done' | 'failed';

export interface CollectionRunTable {
  id: Generated<number>;
  kind: string;
  status: RunStatus;
  started_at: number;
  finished_at: number | null;
  pages_total: number;
  pages_done: number;
  stats_json: string | null;
}

export interface AuditRunTable {
  id: Generated<number>;
  methodology_version: string;
  methodology_hash: string;
  period_start: number;
  period_end: number;
  scope: string;
  status: RunStatus;
  started_at: number;
  finished_at: number | null;
  pages_total: number;
  pages_done: number;
  stats_json: string | null;
}

export interface MethodologyVersionTable {
  id: string;
  hash: string;
  status: string;
  first_used_at: number;
  content_json: string;
}

/** A version a methodologist forked in the workshop: a draft until published under its own id. */
export interface MethodologyWorkshopTable {
  id: string;
  based_on: string;
  content_json: string;
  text_ru: string;
  text_en: string;
  status: 'draft' | 'published';
  created_by: number | null;
  created_at: number;
  updated_at: number;
  published_at: number | null;
}

export interface AuditPageResultTable {
  run_id: number;
  page_id: number;
  institution_id: number | null;
  region_code: string | null;
  municipality_id: number | null;
  kind: string | null;
  total: number;
  level: string;
  categories_json: string;
  /** Comma-separated ids of failed critical rules. */
  critical_failed: string;
  /** 1 when VK marked the page as a state organisation when it was audited (coverage counts these). */
  verified: Generated<Flag>;
  /** Every rule's result by id: status, value, score; with evidence and template values where it did not pass. */
  results_json: string;
}

/** Counts of rule statuses per run, region, municipality (0 when unknown) and kind ('-' when unknown). */
export interface AuditRuleStatTable {
  run_id: number;
  region_code: string;
  municipality_id: number;
  kind: string;
  rule_id: string;
  n_pass: number;
  n_warn: number;
  n_fail: number;
  n_na: number;
  n_manual: number;
  n_error: number;
  n_unknown: Generated<number>;
}

/** A fact outside VK's answer for a page: an operator's check or a row of the region's Госпаблики export. */
export interface PageFactTable {
  id: Generated<number>;
  page_id: number;
  /** feedbackWidgets, gospublikiConnected, siteBacklink, twoFactor, stateMark. */
  fact: string;
  /** 0/1 for yes-no facts, the count for widgets. */
  value: number;
  source: 'manual' | 'export';
  checked_by: number | null;
  checked_at: number;
  evidence: string | null;
}

/** Only the rules a page did not pass (fail, warn, error): for lists and targeting by rule. */
export interface AuditRuleResultTable {
  run_id: number;
  page_id: number;
  rule_id: string;
  status: string;
  value: number | null;
  score: number | null;
}

export interface AuditPeerStatTable {
  run_id: number;
  /** '*' for all regions. */
  region_code: string;
  /** '*' for all kinds. */
  kind: string;
  rule_id: string;
  n: number;
  mean: number;
  /** 21 values: the 0th, 5th, …, 100th percentiles. */
  quantiles_json: string;
}

export interface VkTokenUsageTable {
  token_key: string;
  method: string;
  /** Days since 1970-01-01 (UTC). */
  day: number;
  calls: number;
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'failed' | 'cancelled';

export interface JobTable {
  id: string;
  queue: string;
  state: JobState;
  data: string;
  singleton_key: string | null;
  priority: number;
  retry_limit: number;
  retry_count: number;
  retry_delay: number;
  retry_backoff: number;
  expire_seconds: number;
  created_at: number;
  start_after: number;
  started_at: number | null;
  expires_at: number | null;
  completed_at: number | null;
  holder: string | null;
  output: string | null;
}

export interface JobProgressTable {
  job_id: string;
  queue: string;
  progress: string;
  updated_at: number;
}

export interface JobScheduleTable {
  name: string;
  cron: string;
  tz: string;
  queue: string;
  data: string;
  last_slot: number | null;
  updated_at: number;
}

export interface VkTokenLeaseTable {
  token_key: string;
  holder: string;
  acquired_at: number;
  expires_at: number;
}

export type ShardStatus = 'pending' | 'done';

/** A share of a distributed collection or audit run: its pages, and what it found once done. */
export interface RunShardTable {
  run_id: number;
  shard: number;
  page_ids: string;
  pages: number;
  status: ShardStatus;
  stats: string | null;
  updated_at: number;
}

/** Where a report's unit sits and how it is rendered: shared by schedules and files. */
interface ReportUnitColumns {
  id: Generated<number>;
  level: 'country' | 'region' | 'municipality' | 'institution';
  region_code: string | null;
  municipality_id: number | null;
  institution_id: number | null;
  unit_key: string;
  format: 'pdf' | 'xlsx' | 'html' | 'json';
  lang: 'ru' | 'en';
  created_by: number | null;
  created_at: number;
}

export interface ReportScheduleTable extends ReportUnitColumns {
  cron: string;
  tz: string;
}

export interface ReportFileTable extends ReportUnitColumns {
  schedule_id: number | null;
  unit_name: string;
  run_id: number | null;
  bytes: number;
  content: Buffer;
}

export interface VkTokenTable {
  id: Generated<number>;
  label: string;
  kind: 'user' | 'service' | 'community';
  per_second: number | null;
  daily_quota_json: string | null;
  token_key: string;
  /** The token sealed by SecretBox (AES-256-GCM); never the token itself. */
  sealed: string;
  key_id: string;
  /** A user token with a page is that page's admin's (publishing media); null: a community or reading token. */
  page_id: number | null;
  disabled: number;
  created_at: number;
  updated_at: number;
  /** The scopes granted, comma-separated (as VK's OAuth answered or the operator said); null: not known. */
  scopes: string | null;
  /** Unix time the token expires; null: it does not, or not known. */
  expires_at: number | null;
}

export type InboxStatus = 'new' | 'in_progress' | 'answered' | 'no_answer_needed';

export interface InboxStateTable {
  comment_id: number;
  status: InboxStatus;
  reason: string | null;
  assignee_id: number | null;
  updated_by: number | null;
  updated_at: number;
}

export interface InboxReplyTable {
  id: Generated<number>;
  comment_id: number;
  idempotency_key: string;
  text: string;
  status: 'sending' | 'sent' | 'failed';
  vk_comment_id: number | null;
  error: string | null;
  created_by: number | null;
  created_at: number;
}

export interface SafetyDismissalTable {
  id: Generated<number>;
  page_id: number;
  target_type: 'comment' | 'post';
  target_vk_id: number;
  flag_key: string;
  dismissed_by: number | null;
  dismissed_at: number;
}

export interface SeminarTable {
  id: Generated<number>;
  title: string;
  /** Methodology categories or rule ids the programme covers. */
  programme_json: string;
  organiser_kind: 'regional_centre' | 'dialog' | 'ministry';
  organiser: string;
  trainers_json: string;
  format: 'online' | 'in_person';
  link: string | null;
  place: string | null;
  starts_at: number;
  ends_at: number;
  timezone: string;
  region_code: string;
  municipality_id: number | null;
  capacity: number;
  audience_json: string;
  status: 'planned' | 'done' | 'cancelled';
  created_by: number | null;
  created_at: number;
}

export type EnrolmentStatus = 'invited' | 'registered' | 'waitlisted' | 'cancelled';

export interface SeminarEnrolmentTable {
  id: Generated<number>;
  seminar_id: number;
  institution_id: number;
  status: EnrolmentStatus;
  attended: Generated<Flag>;
  changed_at: number;
  certificate_code: string | null;
}

export interface SeminarMaterialTable {
  id: Generated<number>;
  seminar_id: number;
  title: string;
  url: string;
  added_at: number;
}

export interface SeminarFeedbackTable {
  id: Generated<number>;
  seminar_id: number;
  institution_id: number;
  /** 1 (useless) to 5 (very useful). */
  rating: number;
  /** Programme items the attendee found useful. */
  useful_json: string;
  comment: string | null;
  created_at: number;
}

export interface NotificationTable {
  id: Generated<number>;
  /** Addressed to an institution's users, or to one user. */
  institution_id: number | null;
  user_id: number | null;
  kind: string;
  params_json: string;
  link: string | null;
  /** Sent once per key (a reminder of one seminar to one institution). */
  dedupe_key: string;
  created_at: number;
  read_at: number | null;
}

export type DraftKind = 'text' | 'poll' | 'clip' | 'video' | 'live';
/**
 * proposed (by a contributor) → draft (the admin's, or taken over) → awaiting_municipality (if the page needs
 * it) → scheduled → publishing → published; or rejected, or failed (with the reason).
 */
export type DraftStatus =
  | 'proposed'
  | 'draft'
  | 'rejected'
  | 'awaiting_municipality'
  | 'scheduled'
  | 'publishing'
  | 'published'
  | 'failed';

export interface PlannerDraftTable {
  id: Generated<number>;
  page_id: number;
  kind: DraftKind;
  title: string;
  text: string;
  rubric: string | null;
  /** Kind-specific content: photos (file ids), poll, video or clip file and title, live broadcast. */
  content_json: string;
  planned_at: number | null;
  status: DraftStatus;
  author_id: number | null;
  review_comment: string | null;
  decided_by: number | null;
  decided_at: number | null;
  municipality_by: number | null;
  municipality_at: number | null;
  /** Sent to VK as wall.post's guid: a repeated publication of the draft is the same post. */
  idempotency_key: string;
  /** What publishing has done so far (uploaded attachments, the poll): a retry goes on from there. */
  publish_state_json: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: number | null;
  claimed_at: number | null;
  last_error: string | null;
  vk_post_id: number | null;
  published_at: number | null;
  syndication_id: number | null;
  template_id: string | null;
  created_at: number;
  updated_at: number;
}

/** A draft's publication on OK or MAX: one row per draft and network. */
export interface PlannerNetworkPostTable {
  id: Generated<number>;
  draft_id: number;
  network: 'ok' | 'max';
  page_id: number;
  /** pending: not sent; sent: a post call went out, its answer not (yet) known; published; failed. */
  status: 'pending' | 'sent' | 'published' | 'failed';
  attempts: Generated<number>;
  sent_at: number | null;
  external_id: string | null;
  last_error: string | null;
  updated_at: number;
}

export interface PlannerSyndicationTable {
  id: Generated<number>;
  region_code: string;
  mode: 'publish' | 'offer';
  title: string;
  created_by: number | null;
  created_at: number;
}

export interface PlannerFileTable {
  id: Generated<number>;
  page_id: number;
  name: string;
  mime: string;
  size: number;
  /** The bytes of a file stored before 0016d; empty for a file on disk (`storage_key`). */
  data: Buffer;
  /** Where the file is under the files directory (PUBLICA_FILES_DIR); null for bytes kept in `data`. */
  storage_key: string | null;
  created_by: number | null;
  created_at: number;
}

export interface PlannerContributorTable {
  id: Generated<number>;
  page_id: number;
  user_id: number;
  kind: 'pupil' | 'teacher';
  invited_by: number | null;
  created_at: number;
}

export interface PlannerPageSettingsTable {
  page_id: number;
  municipality_approval: Flag;
  changed_by: number | null;
  changed_at: number;
}

export type Role =
  | 'federal'
  | 'federal_viewer'
  | 'region'
  | 'region_viewer'
  | 'municipality'
  | 'municipality_viewer'
  | 'institution'
  | 'institution_viewer'
  | 'trainer'
  | 'contributor'
  | 'methodologist';

export interface UserTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  /** argon2id; null for accounts that sign in only through OIDC. */
  password_hash: string | null;
  oidc_subject: string | null;
  role: Role;
  /** The scope: null region = the whole country; then region, municipality, institution narrow it. */
  region_code: string | null;
  municipality_id: number | null;
  institution_id: number | null;
  disabled: Generated<Flag>;
  failed_logins: Generated<number>;
  locked_until: number | null;
  last_login_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface SessionTable {
  /** sha256 of the cookie value: a database leak does not hand out sessions. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  /** The first characters of the token, to recognise it in lists. */
  prefix: string;
  /** Comma-separated permissions, a subset of the owner's role. */
  permissions: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  user_id: number | null;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** Where the target sits in the hierarchy, so the log is filtered by scope like everything else. */
  region_code: string | null;
  municipality_id: number | null;
  institution_id: number | null;
  details_json: string | null;
  ip: string | null;
}

export interface RegistryUploadTable {
  id: Generated<number>;
  user_id: number | null;
  at: number;
  file_name: string;
  dry_run: Flag;
  status: 'imported' | 'previewed' | 'rejected';
  region_code: string | null;
  municipality_id: number | null;
  rows: number;
  created: number;
  updated: number;
  problems: number;
  report_json: string;
}

export interface DataVersionTable {
  id: number;
  version: number;
}

/** A production calendar loaded without a release (src/inbox/production-calendar.ts). */
export interface WorkCalendarTable {
  year: number;
  calendar_json: string;
  source: string;
  loaded_at: number;
}

/** A saved reply of a region's, a municipality's or a page's library (src/inbox/saved-replies.ts). */
export interface SavedReplyTable {
  id: Generated<number>;
  level: 'region' | 'municipality' | 'page';
  region_code: string;
  municipality_id: number | null;
  page_id: number | null;
  topic: string;
  title: string;
  text: string;
  created_by: number | null;
  created_at: number;
}

/** What a page's saved replies fill {phone} and {hours} with. */
export interface PageContactTable {
  page_id: number;
  phone: string | null;
  hours: string | null;
}

/** A person's alerts outside the app (src/alerts). */
export interface AlertPreferenceTable {
  user_id: number;
  email: string;
  immediate: number;
  digest: number;
}

export interface AlertWebhookTable {
  id: Generated<number>;
  region_code: string;
  url: string;
  secret: string;
  created_at: number;
}

/** One alert to one target, sent once by its key; also the delivery log. */
export interface AlertDeliveryTable {
  id: Generated<number>;
  dedupe_key: string;
  channel: 'email' | 'webhook';
  target: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** Per audit run and unit: pages judged, counts by level, sum of totals, institutions covered (see 0024). */
export interface AuditUnitRollupTable {
  run_id: number;
  unit_kind: 'country' | 'region' | 'municipality';
  region_key: string;
  unit_key: string;
  audited: number;
  total_sum: number;
  covered: number;
  levels_json: string;
}

/** Per unit: institutions in the registry and how many have a page; the country row carries the stamp. */
export interface RegistryUnitCountTable {
  unit_kind: 'country' | 'region' | 'municipality';
  region_key: string;
  unit_key: string;
  institutions: number;
  with_page: number;
  stamp: string;
}

// Community messages and VK's pushed events (issue 26; migration 0021_inbox2_messages).
export interface InboxMessageTable {
  id: Generated<number>;
  page_id: number;
  peer_id: number;
  vk_id: number;
  from_id: number;
  is_out: Flag;
  text: string;
  sent_at: number;
  stored_at: number;
}

export interface InboxMessageStateTable {
  message_id: number;
  status: InboxStatus;
  reason: string | null;
  assignee_id: number | null;
  updated_by: number | null;
  updated_at: number;
}

export interface InboxMessageReplyTable {
  id: Generated<number>;
  message_id: number;
  idempotency_key: string;
  random_id: number;
  text: string;
  status: 'sending' | 'sent' | 'failed';
  vk_message_id: number | null;
  error: string | null;
  created_by: number | null;
  created_at: number;
}

export interface VkEventTable {
  id: Generated<number>;
  event_id: string;
  group_id: number;
  type: string;
  source: 'callback' | 'long-poll';
  payload: string;
  received_at: number;
}

export interface VkCallbackSettingsTable {
  group_id: number;
  confirmation: string;
  secret: string;
  updated_at: number;
}

export interface EscalationSettingsTable {
  region_code: string;
  to_municipality_after_hours: number;
  to_region_after_hours: number;
  updated_by: number | null;
  updated_at: number;
}

export interface InboxEscalationTable {
  id: Generated<number>;
  item_kind: 'comment' | 'message';
  item_id: number;
  page_id: number;
  level: 'municipality' | 'region';
  moved_at: number;
  recorded_at: number;
}

export interface VkLongPollStateTable {
  group_id: number;
  ts: string;
  updated_at: number;
}

export interface Database {
  planner_network_posts: PlannerNetworkPostTable;
  audit_unit_rollups: AuditUnitRollupTable;
  registry_unit_counts: RegistryUnitCountTable;
  regions: RegionTable;
  municipalities: MunicipalityTable;
  institutions: InstitutionTable;
  pages: PageTable;
  page_snapshots: PageSnapshotTable;
  posts: PostTable;
  comments: CommentTable;
  collection_runs: CollectionRunTable;
  audit_runs: AuditRunTable;
  methodology_versions: MethodologyVersionTable;
  methodology_workshop: MethodologyWorkshopTable;
  audit_page_results: AuditPageResultTable;
  audit_rule_results: AuditRuleResultTable;
  audit_rule_stats: AuditRuleStatTable;
  page_facts: PageFactTable;
  audit_peer_stats: AuditPeerStatTable;
  vk_token_usage: VkTokenUsageTable;
  jobs: JobTable;
  job_progress: JobProgressTable;
  job_schedules: JobScheduleTable;
  vk_token_leases: VkTokenLeaseTable;
  collection_shards: RunShardTable;
  audit_shards: RunShardTable;
  report_schedules: ReportScheduleTable;
  report_files: ReportFileTable;
  vk_tokens: VkTokenTable;
  inbox_states: InboxStateTable;
  inbox_replies: InboxReplyTable;
  safety_dismissals: SafetyDismissalTable;
  seminars: SeminarTable;
  seminar_enrolments: SeminarEnrolmentTable;
  seminar_materials: SeminarMaterialTable;
  seminar_feedback: SeminarFeedbackTable;
  notifications: NotificationTable;
  planner_drafts: PlannerDraftTable;
  planner_syndications: PlannerSyndicationTable;
  planner_files: PlannerFileTable;
  planner_contributors: PlannerContributorTable;
  planner_page_settings: PlannerPageSettingsTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  registry_uploads: RegistryUploadTable;
  data_version: DataVersionTable;
  work_calendars: WorkCalendarTable;
  saved_replies: SavedReplyTable;
  page_contacts: PageContactTable;
  alert_preferences: AlertPreferenceTable;
  alert_webhooks: AlertWebhookTable;
  alert_deliveries: AlertDeliveryTable;
  inbox_messages: InboxMessageTable;
  inbox_message_states: InboxMessageStateTable;
  inbox_message_replies: InboxMessageReplyTable;
  vk_events: VkEventTable;
  vk_callback_settings: VkCallbackSettingsTable;
  vk_long_poll_state: VkLongPollStateTable;
  escalation_settings: EscalationSettingsTable;
  inbox_escalations: InboxEscalationTable;
}
