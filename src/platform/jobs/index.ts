export { type CronRules, cronProblem, timeZoneProblem } from './cron-check.ts';
export { DbJobQueue, type DbQueueOptions } from './db-queue.ts';
export * from './job-queue.ts';
export {
  readProgress as readJobProgress,
  removeSchedule,
  saveProgress as saveJobProgress,
} from './jobs.repo.ts';
export { type Leadership, leadership } from './leader.ts';
export { PgBossJobQueue, type PgBossQueueOptions } from './pg-boss-queue.ts';
export { checkCron, defineSchedule, latestSlot, Scheduler, type ScheduleSpec } from './scheduler.ts';
