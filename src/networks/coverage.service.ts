// The coverage per network for a scope (and optionally one region): figures and each institution's facts.
import type { Db } from '../platform/db.ts';
import type { Scope } from '../platform/scope.ts';
import { listInstitutionPlatforms } from './coverage.repo.ts';
import {
  type CoverageFigures,
  coverageFigures,
  type InstitutionCoverage,
  institutionCoverage,
} from './coverage.ts';

export async function networkCoverage(
  db: Db,
  scope: Scope,
  regionCode?: string,
): Promise<{ figures: CoverageFigures; institutions: InstitutionCoverage[] }> {
  const institutions = institutionCoverage(await listInstitutionPlatforms(db, scope, regionCode));
  return { figures: coverageFigures(institutions), institutions };
}
