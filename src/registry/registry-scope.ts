// Filters that name a region or municipality outside the caller's scope are answered like unknown ones (404),
// so a caller learns nothing about units they may not see.
import type { Db } from '../platform/db.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { findMunicipality } from './registry.repo.ts';

export async function checkUnitFilters(
  db: Db,
  scope: Scope,
  filter: { regionCode?: string | undefined; municipalityId?: number | undefined },
): Promise<void> {
  if (filter.regionCode !== undefined && scope.level !== 'country' && filter.regionCode !== scope.regionCode)
    throw notFound('region', filter.regionCode);
  if (filter.municipalityId === undefined) return;
  const m = await findMunicipality(db, filter.municipalityId);
  const visible =
    m !== undefined &&
    (scope.level === 'country' ||
      (scope.level === 'region'
        ? m.region_code === scope.regionCode
        : m.region_code === scope.regionCode && m.id === scope.municipalityId));
  if (!visible) throw notFound('municipality', filter.municipalityId);
}
