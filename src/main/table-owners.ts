// Who owns each table: the one feature (a folder of src/) that declares its rows and is the only one to write
// them; other features read it or go through the owner's service. `platform` owns the machinery's own tables
// (jobs, shards, data versions, the audit log). Typed against the schema, so a table added to `Database`
// without an owner fails the typecheck; test/table-ownership.test.ts checks the migrations and the writes, and
// that docs/architecture.md lists the same owners.
import type { Database } from '../platform/db-schema.ts';

export const TABLE_OWNERS = {
  // registry: the institutions and their pages, as imported.
  regions: 'registry',
  municipalities: 'registry',
  institutions: 'registry',
  pages: 'registry',
  registry_uploads: 'registry',
  // collect: what VK and the other networks showed, run by run.
  collection_runs: 'collect',
  page_snapshots: 'collect',
  posts: 'collect',
  comments: 'collect',
  // audit: runs, results, facts and the per-unit roll-ups.
  audit_runs: 'audit',
  methodology_versions: 'audit',
  methodology_workshop: 'workshop',
  audit_page_results: 'audit',
  audit_rule_results: 'audit',
  audit_rule_stats: 'audit',
  audit_peer_stats: 'audit',
  page_facts: 'audit',
  audit_unit_rollups: 'audit',
  // analytics: registry counts per unit, kept next to the audit roll-ups.
  registry_unit_counts: 'analytics',
  // vk: tokens and what they spent.
  vk_tokens: 'vk',
  vk_token_leases: 'vk',
  vk_token_usage: 'vk',
  // auth: accounts and sign-ins.
  users: 'auth',
  sessions: 'auth',
  api_tokens: 'auth',
  // inbox: the queue, replies, messages and VK's pushed events.
  inbox_states: 'inbox',
  inbox_replies: 'inbox',
  safety_dismissals: 'inbox',
  saved_replies: 'inbox',
  page_contacts: 'inbox',
  work_calendars: 'inbox',
  inbox_messages: 'inbox',
  inbox_message_states: 'inbox',
  inbox_message_replies: 'inbox',
  vk_events: 'inbox',
  vk_callback_settings: 'inbox',
  vk_long_poll_state: 'inbox',
  escalation_settings: 'inbox',
  inbox_escalations: 'inbox',
  // training: seminars and what follows them.
  seminars: 'training',
  seminar_enrolments: 'training',
  seminar_materials: 'training',
  seminar_feedback: 'training',
  notifications: 'notifications',
  // planner: drafts, files, contributors.
  planner_drafts: 'planner',
  planner_syndications: 'planner',
  planner_network_posts: 'planner',
  planner_files: 'planner',
  planner_contributors: 'planner',
  planner_page_settings: 'planner',
  report_schedules: 'reports',
  report_files: 'reports',
  alert_preferences: 'alerts',
  alert_webhooks: 'alerts',
  alert_deliveries: 'alerts',
  // platform: the job queue, run shards, data versions and the audit log every feature appends to.
  jobs: 'platform',
  job_progress: 'platform',
  job_schedules: 'platform',
  collection_shards: 'platform',
  audit_shards: 'platform',
  data_version: 'platform',
  audit_log: 'platform',
} as const satisfies Record<keyof Database, string>;

export type TableName = keyof typeof TABLE_OWNERS;
export type TableOwner = (typeof TABLE_OWNERS)[TableName];
