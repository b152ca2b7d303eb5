// Stores community profiles from groups.getById: each page found (or created) by its VK id or screen name,
// its status set, and a profile snapshot taken. Returns page ids by VK id.
import type { Db } from '../platform/db.ts';
import { upsertKnownPages, vkPageUrl } from '../registry/index.ts';
import type { VkGroup } from '../vk/index.ts';
import { insertSnapshots } from './snapshot.repo.ts';
import { type ProfileExtras, vkPageStatus, vkSnapshotRow } from './vk-rows.ts';

/** `extras`: by VK id, what the collector read beyond groups.getById (addresses, the registry's OGRN). */
export async function storeProfiles(
  db: Db,
  groups: VkGroup[],
  at: number,
  extras: ReadonlyMap<number, ProfileExtras> = new Map(),
): Promise<Map<number, number>> {
  const ids = await upsertKnownPages(
    db,
    groups.map((g) => ({
      inn: null,
      external_id: g.id,
      screen_name: g.screen_name ?? null,
      url: vkPageUrl(g.id, g.screen_name),
      status: vkPageStatus(g),
    })),
    at,
  );
  await insertSnapshots(
    db,
    groups.flatMap((g) =>
      ids.has(g.id) ? [vkSnapshotRow(g, ids.get(g.id) as number, at, extras.get(g.id))] : [],
    ),
  );
  return ids;
}
