// The demo story's past seminars: who was invited, who attended (and posts better from then on).
import { mixSeed, Rng } from './rng.ts';
import type { WorldCommunity, WorldInstitution, WorldParams, WorldSeminar } from './world.types.ts';

/** Days before asOf the story's seminars were held: the audit before them and the one after both fit. */
export const SEMINAR_DAYS_AGO = 45;

/**
 * The story's past seminars, one per region in turn (by code): the region's pages of middling quality (average and
 * business-card profiles, in the registry) are invited, about two in five attend, and those pages post better
 * from then on. A separate random stream, so worlds without seminars are as before.
 */
export function pastSeminars(
  params: WorldParams,
  regions: { code: string }[],
  institutions: WorldInstitution[],
  communities: WorldCommunity[],
): WorldSeminar[] {
  const rng = new Rng(mixSeed(params.seed, 31));
  const regionOf = new Map(institutions.map((i) => [i.inn, i.region_code]));
  const out: WorldSeminar[] = [];
  // In order of region code: the demo's accounts sit in the first region, where the first seminar was.
  const ordered = regions.map((r) => r.code).sort();
  for (let key = 0; key < (params.seminars ?? 0) && ordered.length > 0; key++) {
    const region = ordered[key % ordered.length] as string;
    const invited = communities.filter(
      (c) =>
        regionOf.get(c.inn) === region &&
        c.registry_url !== null &&
        c.deactivated === null &&
        c.trained_days_ago === undefined &&
        (c.wall_params.profile === 'average' || c.wall_params.profile === 'business_card'),
    );
    const attended = invited.filter(() => rng.chance(0.4));
    for (const c of attended) c.trained_days_ago = SEMINAR_DAYS_AGO;
    out.push({
      key,
      region_code: region,
      days_ago: SEMINAR_DAYS_AGO,
      invited: invited.map((c) => c.inn),
      attended: attended.map((c) => c.inn),
    });
  }
  return out;
}
