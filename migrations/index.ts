// The ordered list of migrations, imported statically so the bundle needs no file-system scan.
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_seed_regions.ts';
import * as m0003 from './0003_audit_results.ts';
import * as m0004 from './0004_vk_token_usage.ts';
import * as m0005 from './0005_accounts.ts';
import * as m0006 from './0006_data_version.ts';
import * as m0007 from './0007_jobs.ts';
import * as m0008 from './0008_reports.ts';
import * as m0009 from './0009_vk_tokens.ts';
import * as m0010 from './0010_inbox.ts';
import * as m0011 from './0011_training.ts';
import * as m0012 from './0012_training_follow_up.ts';
import * as m0013 from './0013_planner.ts';
import * as m0016d from './0016d_planner_files_on_disk.ts';
import * as m0017 from './0017_vk_facts.ts';
import * as m0017b from './0017b_vk_token_scopes.ts';
import * as m0018 from './0018_audit_truth.ts';
import * as m0020 from './0020_work_calendars.ts';
import * as m0020b from './0020b_saved_replies.ts';
import * as m0020c from './0020c_alerts.ts';
import * as m0021inbox2 from './0021_inbox2_messages.ts';
import * as m0021net from './0021_net_network_pages.ts';
import * as m0024perf from './0024_perf_rollups.ts';
import * as m0030vk2 from './0030_vk2_replies_missing.ts';
import * as m0031audit3 from './0031_audit3_methodology_workshop.ts';
import * as m0032inbox4 from './0032_inbox4_escalation.ts';
import * as m0032net4 from './0032_net4_network_posts.ts';

export const migrations = {
  '0001_foundation': m0001,
  '0002_seed_regions': m0002,
  '0003_audit_results': m0003,
  '0004_vk_token_usage': m0004,
  '0005_accounts': m0005,
  '0006_data_version': m0006,
  '0007_jobs': m0007,
  '0008_reports': m0008,
  '0009_vk_tokens': m0009,
  '0010_inbox': m0010,
  '0011_training': m0011,
  '0012_training_follow_up': m0012,
  '0013_planner': m0013,
  '0016d_planner_files_on_disk': m0016d,
  '0017_vk_facts': m0017,
  '0017b_vk_token_scopes': m0017b,
  '0018_audit_truth': m0018,
  '0020_work_calendars': m0020,
  '0020b_saved_replies': m0020b,
  '0020c_alerts': m0020c,
  '0021_inbox2_messages': m0021inbox2,
  '0021_net_network_pages': m0021net,
  '0024_perf_rollups': m0024perf,
  '0030_vk2_replies_missing': m0030vk2,
  '0031_audit3_methodology_workshop': m0031audit3,
  '0032_inbox4_escalation': m0032inbox4,
  '0032_net4_network_posts': m0032net4,
};
