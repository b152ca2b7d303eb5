// The Long Poll worker: one loop per page that has a community token, for installations VK cannot reach with
// the Callback API. Started by workers when PUBLICA_VK_LONG_POLL=1; stopping aborts every loop.
import type { Db } from '../platform/db.ts';
import { pageTokensOf } from '../vk/index.ts';
import { communityPages } from './community-pages.ts';
import type { VkAccess } from './inbox.service.ts';
import { runLongPoll } from './long-poll.ts';

export async function startLongPollWorkers(
  db: Db,
  vk: VkAccess,
  onError: (groupId: number, error: unknown) => void,
): Promise<{ groups: number[]; stop(): Promise<void> }> {
  const controller = new AbortController();
  const baseUrl = vk.baseUrl;
  if (!baseUrl) return { groups: [], stop: async () => undefined };
  const loops: Promise<void>[] = [];
  const groups: number[] = [];
  for (const page of await communityPages(db)) {
    const { groupId } = page;
    const token = (await pageTokensOf(db, vk.secrets, page.id)).community;
    if (!token) continue;
    groups.push(groupId);
    loops.push(
      runLongPoll(
        db,
        { groupId, token, baseUrl },
        { signal: controller.signal, onError: (error) => onError(groupId, error) },
      ),
    );
  }
  return {
    groups,
    async stop() {
      controller.abort();
      await Promise.allSettled(loops);
    },
  };
}
