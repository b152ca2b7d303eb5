// The planner's jobs, enqueued by the scheduler: publish what is due (every quarter minute by default) to VK and
// to the institution's OK group and MAX channel (each once), remind pages about to miss their week, and (daily)
// remove uploaded files no draft refers to.
import type { Db } from '../platform/db.ts';
import type { JobDefinition } from '../platform/jobs/index.ts';
import { type NetworkClients, publishNetworksDue } from './network-publish.service.ts';
import { sendPlanReminders } from './plan.service.ts';
import type { FileStore } from './planner-files.service.ts';
import { cleanUnusedFiles } from './planner-files.service.ts';
import { publishDue, type VkPublishing } from './publish.service.ts';

export const PLANNER_PUBLISH = 'planner.publish-due';
export const PLANNER_REMIND = 'planner.remind';
export const PLANNER_CLEAN_FILES = 'planner.clean-files';

export function plannerJobs(
  db: Db,
  vk: VkPublishing,
  /** `handOffSeconds`: drafts due within this go to VK at once as postponed posts (0: off). */
  options: {
    staleSeconds?: number;
    handOffSeconds?: number;
    /** The OK and MAX clients Publica posts with (a network left out is not posted to). */
    networks?: NetworkClients;
    /** The clock in milliseconds (tests run a virtual one). */
    clock?: () => number;
  } = {},
): JobDefinition[] {
  const clock = options.clock ?? Date.now;
  const now = () => Math.floor(clock() / 1000);
  return [
    {
      queue: PLANNER_PUBLISH,
      // Each run is short and the next slot comes soon: no retries of the run itself (drafts retry on their own).
      options: { retryLimit: 0, expireSeconds: 900 },
      handler: async () => {
        const outcomes = await publishDue(db, vk, now(), {
          staleSeconds: options.staleSeconds,
          handOffSeconds: options.handOffSeconds ?? 0,
        });
        const counts: Record<string, number> = {};
        for (const o of outcomes.values()) counts[o.status] = (counts[o.status] ?? 0) + 1;
        // The same drafts' OK and MAX posts, each network once (a row left sent or pending goes next run).
        const networks = options.networks ? await publishNetworksDue(db, options.networks, clock) : {};
        return { ...counts, ...networks };
      },
    },
    {
      queue: PLANNER_REMIND,
      options: { retryLimit: 1, retryDelaySeconds: 60, expireSeconds: 600 },
      handler: async () => ({ sent: await sendPlanReminders(db, now()) }),
    },
    ...(vk.files
      ? [
          {
            queue: PLANNER_CLEAN_FILES,
            options: { retryLimit: 1, retryDelaySeconds: 300, expireSeconds: 1800 },
            handler: async () => ({ removed: await cleanUnusedFiles(db, vk.files as FileStore, now()) }),
          },
        ]
      : []),
  ];
}
