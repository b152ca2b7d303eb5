// Profiles of the pages to collect (groups.getById, 500 a call) with their extras, stored in one transaction a
// chunk; a community VK no longer returns is marked deleted. Returns the pages whose walls can be read.
import { crashPoint } from '../platform/crash-points.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import { parseGroups, type TokenPool, VkApiError } from '../vk/index.ts';
import { type CollectTarget, setPageStatus } from './collect.repo.ts';
import { profileExtras } from './profile-extras.ts';
import { storeProfiles } from './store-profiles.ts';
import { vkPageStatus } from './vk-rows.ts';

const GROUP_FIELDS =
  'description,site,activity,members_count,verified,is_government_organization,trust_mark,wall,cover,contacts,addresses,has_photo,phone,menu';

/** Profiles of every page, 500 a call; returns the pages whose walls can be read. */
export async function collectProfiles(
  db: Db,
  pool: TokenPool,
  targets: CollectTarget[],
  at: number,
  report: { inaccessible: number },
): Promise<CollectTarget[]> {
  const readable: CollectTarget[] = [];
  for (let i = 0; i < targets.length; i += 500) {
    const chunk = targets.slice(i, i + 500);
    const refs = chunk.map((t) => (t.external_id !== null ? String(t.external_id) : (t.screen_name ?? '')));
    let groups: ReturnType<typeof parseGroups> = [];
    try {
      groups = parseGroups(
        await pool.call('groups.getById', { group_ids: refs.join(','), fields: GROUP_FIELDS }),
        'groups.getById',
      );
    } catch (error) {
      if (!(error instanceof VkApiError && error.code === 125)) throw error;
    }
    const byId = new Map(groups.map((g) => [g.id, g]));
    const byName = new Map(groups.filter((g) => g.screen_name).map((g) => [g.screen_name as string, g]));
    const matched = chunk.flatMap((t) => {
      const g =
        (t.external_id !== null ? byId.get(t.external_id) : undefined) ??
        (t.screen_name ? byName.get(t.screen_name) : undefined);
      return g ? [{ t, g }] : [];
    });
    const extras = await profileExtras(db, pool, matched);
    await inTransaction(db, async (tx) => {
      await storeProfiles(
        tx,
        matched.map(({ g }) => g),
        at,
        extras,
      );
      // A community VK no longer returns is gone.
      for (const t of chunk)
        if (!matched.some((m) => m.t.id === t.id)) await setPageStatus(tx, t.id, 'deleted', at);
    });
    crashPoint('collect.after-profiles');
    for (const { t, g } of matched) {
      if (vkPageStatus(g) === 'active') readable.push({ ...t, external_id: g.id });
      else report.inaccessible++;
    }
  }
  return readable;
}
