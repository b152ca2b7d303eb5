// Scopes as users give them (CLI "region:77", API {level, regionCode, …}) turned into full scopes checked
// against the registry, and back from a user row.
import type { Db } from '../platform/db.ts';
import type { UserTable } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Scope, type ScopeLevel } from '../platform/scope.ts';
import { findInstitutionPlacement, findMunicipality, findRegion } from '../registry/index.ts';

export type ScopeSpec = {
  level: ScopeLevel;
  regionCode?: string;
  municipalityId?: number;
  institutionId?: number;
};

export function parseScopeText(text: string): ScopeSpec {
  if (text === 'country') return { level: 'country' };
  const [level, value] = text.split(':');
  if (level === 'region' && value) return { level, regionCode: value };
  const id = Number(value);
  if ((level === 'municipality' || level === 'institution') && Number.isInteger(id) && id > 0)
    return level === 'municipality' ? { level, municipalityId: id } : { level, institutionId: id };
  throw new AppError(
    'VALIDATION',
    `scope "${text}": expected country, region:CODE, municipality:ID or institution:ID`,
  );
}

/** The id a spec names its node by, as the caller gave it. */
export function scopeSpecId(spec: ScopeSpec): string | number | undefined {
  return spec.regionCode ?? spec.municipalityId ?? spec.institutionId;
}

/** The full scope for a spec, with the region and municipality looked up; NOT_FOUND when the node is unknown. */
export async function resolveScope(db: Db, spec: ScopeSpec): Promise<Scope> {
  switch (spec.level) {
    case 'country':
      return { level: 'country' };
    case 'region': {
      const region = spec.regionCode ? await findRegion(db, spec.regionCode) : undefined;
      if (!region) throw notFound('region', spec.regionCode);
      return { level: 'region', regionCode: region.code };
    }
    case 'municipality': {
      const m = spec.municipalityId ? await findMunicipality(db, spec.municipalityId) : undefined;
      if (!m) throw notFound('municipality', spec.municipalityId);
      return { level: 'municipality', regionCode: m.region_code, municipalityId: m.id };
    }
    case 'institution': {
      const i = spec.institutionId ? await findInstitutionPlacement(db, spec.institutionId) : undefined;
      if (!i) throw notFound('institution', spec.institutionId);
      return {
        level: 'institution',
        regionCode: i.region_code,
        municipalityId: i.municipality_id,
        institutionId: i.id,
      };
    }
  }
}

type ScopeColumns = Pick<UserTable, 'region_code' | 'municipality_id' | 'institution_id'>;

export function scopeOfRow(row: ScopeColumns): Scope {
  if (row.region_code === null) return { level: 'country' };
  if (row.institution_id !== null)
    return {
      level: 'institution',
      regionCode: row.region_code,
      municipalityId: row.municipality_id,
      institutionId: row.institution_id,
    };
  if (row.municipality_id !== null)
    return { level: 'municipality', regionCode: row.region_code, municipalityId: row.municipality_id };
  return { level: 'region', regionCode: row.region_code };
}

export function scopeColumns(scope: Scope): ScopeColumns {
  return {
    region_code: scope.level === 'country' ? null : scope.regionCode,
    municipality_id:
      scope.level === 'municipality' || scope.level === 'institution' ? scope.municipalityId : null,
    institution_id: scope.level === 'institution' ? scope.institutionId : null,
  };
}
