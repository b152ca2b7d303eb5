// What a page's profile needs beyond groups.getById: its addresses (groups.getAddresses) and the registry's OGRN
// the menu's widgets are checked against.
import type { Db } from '../platform/db.ts';
import { ogrnsOfPages } from '../registry/index.ts';
import { addressFacts, type parseGroups, type TokenPool, VkApiError } from '../vk/index.ts';
import type { CollectTarget } from './collect.repo.ts';
import { flagOn, type ProfileExtras } from './vk-rows.ts';

/** What groups.getAddresses is asked for (dev.vk.com): the address, its phone and the week's hours. */
const ADDRESS_FIELDS = 'title,address,additional_address,phone,work_info_status,timetable';

/**
 * Beyond groups.getById: the addresses block of each page that has one switched on (groups.getAddresses, batched
 * through execute), and the registry's OGRN the menu's widgets are checked against. A page whose addresses VK
 * refused to give keeps the block as "on, details unknown"; the run goes on.
 */
export async function profileExtras(
  db: Db,
  pool: TokenPool,
  matched: { t: CollectTarget; g: ReturnType<typeof parseGroups>[number] }[],
): Promise<Map<number, ProfileExtras>> {
  const ogrns = await ogrnsOfPages(
    db,
    matched.map(({ t }) => t.id),
  );
  const withAddresses = matched.filter(({ g }) => flagOn(g.addresses?.is_enabled));
  const answers = await pool
    .many(
      withAddresses.map(({ g }) => ({
        method: 'groups.getAddresses',
        params: { group_id: g.id, count: 10, fields: ADDRESS_FIELDS },
      })),
    )
    .catch((error: unknown) => {
      // VK refused the method itself (a token kind, a parameter): the addresses stay unknown, the run goes on.
      if (error instanceof VkApiError) return [];
      throw error;
    });
  const out = new Map<number, ProfileExtras>();
  for (const { t, g } of matched) out.set(g.id, { registryOgrn: ogrns.get(t.id) ?? null });
  withAddresses.forEach(({ g }, k) => {
    const answer = answers[k];
    const extras = out.get(g.id) as ProfileExtras;
    if (answer !== undefined && !(answer instanceof VkApiError)) extras.addresses = addressFacts(answer);
  });
  return out;
}
