// The collector's backstop for community messages: on the collection's schedule, every page with a community
// token reads its conversations and their recent history (messages.getConversations, messages.getHistory) and
// stores what the Callback API and Long Poll missed. Stored by (page, VK id), so a message the events already
// brought, or one that comes later as an event, is kept once whatever the order. One page failing (a revoked
// token, VK down) is counted and the others go on.
import type { Db } from '../platform/db.ts';
import type { JobDefinition } from '../platform/jobs/index.ts';
import { communityPages } from './community-pages.ts';
import type { VkAccess } from './inbox.service.ts';
import { syncPageMessages } from './messages.service.ts';

export const INBOX_SYNC_MESSAGES = 'inbox.sync-messages';

export type SyncMessagesReport = {
  pages: number;
  conversations: number;
  stored: number;
  errors: { pageId: number; error: string }[];
};

export async function syncAllPageMessages(db: Db, vk: VkAccess, now: number): Promise<SyncMessagesReport> {
  const report: SyncMessagesReport = { pages: 0, conversations: 0, stored: 0, errors: [] };
  if (!vk.baseUrl) return report;
  for (const page of await communityPages(db)) {
    try {
      const done = await syncPageMessages(db, page, vk, now);
      report.pages++;
      report.conversations += done.conversations;
      report.stored += done.stored;
    } catch (error) {
      report.errors.push({ pageId: page.id, error: (error as Error).message.slice(0, 300) });
    }
  }
  return report;
}

export function inboxJobs(db: Db, vk: VkAccess): JobDefinition[] {
  return [
    {
      queue: INBOX_SYNC_MESSAGES,
      options: { singleton: true, retryLimit: 2, retryDelaySeconds: 60, expireSeconds: 900 },
      handler: async () => syncAllPageMessages(db, vk, Math.floor(Date.now() / 1000)),
    },
  ];
}
