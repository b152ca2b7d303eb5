// Which networks each institution in a scope has a page on: one row per institution and platform, with the
// page's status (so a deleted or banned page does not count as presence).
import type { Db } from '../platform/db.ts';
import type { PageStatus, Platform } from '../platform/db-schema.ts';
import { BY_INSTITUTION, inScope, type Scope } from '../platform/scope.ts';

export type InstitutionPlatformRow = {
  institution_id: number;
  region_code: string;
  municipality_id: number | null;
  platform: Platform | null;
  status: PageStatus | null;
};

export async function listInstitutionPlatforms(
  db: Db,
  scope: Scope,
  regionCode?: string,
): Promise<InstitutionPlatformRow[]> {
  let q = db.kysely
    .selectFrom('institutions')
    .leftJoin('pages', 'pages.institution_id', 'institutions.id')
    .select([
      'institutions.id as institution_id',
      'institutions.region_code',
      'institutions.municipality_id',
      'pages.platform',
      'pages.status',
    ])
    .where(inScope(scope, BY_INSTITUTION));
  if (regionCode) q = q.where('institutions.region_code', '=', regionCode);
  return (await q.orderBy('institutions.id').execute()) as InstitutionPlatformRow[];
}
