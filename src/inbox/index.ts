// The inbox feature's public face: waiting questions, replies, safety flags and response-time metrics.

export { loadedCalendars, storeCalendar } from './calendar.repo.ts';
export { escalationJobs, INBOX_ESCALATE } from './escalate.job.ts';
export {
  type InboxItemView,
  inboxContract,
  type ResponseMetricsView,
  type SafetyFlagView,
} from './inbox.contract.ts';
export { inboxRoutes } from './inbox.routes.ts';
export {
  ANSWER_LIMIT_HOURS,
  inboxMetrics,
  listInbox,
  replyToComment,
  setInboxState,
} from './inbox.service.ts';
export { startLongPollWorkers } from './long-poll.worker.ts';
export { type ResponseMetrics, responseMetrics } from './metrics.ts';
export { daySets, parseYearCalendar } from './production-calendar.ts';
export { type SafetyFlag, type SafetyKind, safetyFlags } from './safety.ts';
export { INBOX_SYNC_MESSAGES, inboxJobs } from './sync-messages.job.ts';
export { questionsAndAnswers, type ThreadComment, type Waiting } from './thread.ts';
export { vkCallbackContract } from './vk-callback.contract.ts';
export {
  addWorkingSeconds,
  russianCalendar,
  type WorkCalendar,
  workingSecondsBetween,
} from './working-hours.ts';
