// The collect feature's public face.

export { collectContract } from './collect.contract.ts';
export { collectRoutes } from './collect.routes.ts';
export { type CollectOptions, type CollectProgress, type CollectReport, collect } from './collect.service.ts';
export {
  COLLECT_RUN,
  COLLECT_SHARD,
  type CollectJobsConfig,
  type CollectRunData,
  collectJobs,
} from './collect-jobs.ts';
export {
  insertNetworkSnapshotRow,
  upsertNetworkCommentRows,
  upsertNetworkPostRows,
} from './network-content.repo.ts';
export {
  addEventComment,
  deleteEventComment,
  type EventComment,
  editEventComment,
  insertPublishedPost,
  storeCommunityComment,
} from './pushed-content.repo.ts';
export { lastCollectionRun } from './run.repo.ts';
export { countSnapshots, insertSnapshots, type SnapshotRow } from './snapshot.repo.ts';
export {
  type CommentSnapshot,
  type PostSnapshot,
  readComments,
  readLastPostsBefore,
  readPinnedPosts,
  readPosts,
  readProfiles,
} from './snapshot-read.repo.ts';
export { type RawRow, readCommentRows, readPostRows } from './snapshot-rows.repo.ts';
export { importVkComments, importVkGroups, importVkWall } from './vk-import.service.ts';
export { loadWorld, type WorldLoadReport } from './world-load.service.ts';
