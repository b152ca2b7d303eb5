// The planner feature's public face: drafts, their review and publishing, plans, contributors, syndication.

export { insertContributor } from './contributor-rows.repo.ts';
export { inviteContributor } from './contributors.service.ts';
export { approveDraft, type Caller, createDraft, type DraftInput } from './drafts.service.ts';
export { plannerContract } from './planner.contract.ts';
export { insertDraft, pagesOfContributor } from './planner.repo.ts';
export { plannerRoutes } from './planner.routes.ts';
export { cleanUnusedFiles, FILE_LIMITS, FileStore } from './planner-files.service.ts';
export { PLANNER_CLEAN_FILES, PLANNER_PUBLISH, PLANNER_REMIND, plannerJobs } from './planner-jobs.ts';
export { publishDraft, publishDue, STALE_CLAIM_SECONDS, type VkPublishing } from './publish.service.ts';
export { syndicate, syndicationStatus } from './syndication.service.ts';
