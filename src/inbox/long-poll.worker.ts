// The Long Poll worker: one loop per page that has a community token, for installations VK cannot reach with
// the Callback API. Started by workers when PUBLICA_VK_LONG_POLL=1; stopping aborts every loop.
import type { Db } from '../platform/db.ts';
import { listVkTokens, pageTokensOf } from '../vk/index.ts';
import type { VkAccess } from './inbox.service.ts';
import { runLongPoll } from './long-poll.ts';
import { pagesOfIds } from './messages.repo.ts';

export async function startLongPollWorkers(
  db: Db,
  vk: VkAccess,
  onError: (groupId: number, error: unknown) => void,
): Promise<{ groups: number[]; stop(): Promise<void> }> {
  const controller = new AbortController();
  const baseUrl = vk.baseUrl;
  if (!baseUrl) return { groups: [], stop: async () => undefined };
  const pageIds = (await listVkTokens(db))
    .filter((t) => t.role === 'community' && !t.disabled && t.pageId !== null)
    .map((t) => t.pageId as number);
  const loops: Promise<void>[] = [];
  const groups: number[] = [];
  for (const page of await pagesOfIds(db, [...new Set(pageIds)])) {
    const groupId = page.external_id;
    if (!groupId || groups.includes(groupId)) continue;
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
