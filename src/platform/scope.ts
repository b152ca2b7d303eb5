// A caller's scope is a node of the hierarchy country → region → municipality → institution. Every repository
// that reads or writes scoped data takes one and filters by it in SQL, so no route can forget to.
import { type Expression, type SqlBool, sql } from 'kysely';
import { AppError } from './errors.ts';

export type Scope =
  | { level: 'country' }
  | { level: 'region'; regionCode: string }
  | { level: 'municipality'; regionCode: string; municipalityId: number }
  | { level: 'institution'; regionCode: string; municipalityId: number | null; institutionId: number };

export type ScopeLevel = Scope['level'];
export const SCOPE_LEVELS: readonly ScopeLevel[] = ['country', 'region', 'municipality', 'institution'];

export const COUNTRY: Scope = { level: 'country' };

/** Where a scoped row sits: the columns holding its region, municipality and institution. */
export type ScopeColumns = { region: string; municipality: string; institution: string };

/** Rows placed by their institution (institutions, and pages, posts and comments joined to it). */
export const BY_INSTITUTION: ScopeColumns = {
  region: 'institutions.region_code',
  municipality: 'institutions.municipality_id',
  institution: 'institutions.id',
};

/**
 * The text search of institutions: an INN or OGRN (10–15 digits) exactly, else a part of the full or short
 * name (or of the other columns given, such as a page's address).
 */
export function institutionText(q: string, alsoIn: string[] = []): Expression<SqlBool> {
  const text = q.trim();
  if (/^\d{10,15}$/.test(text))
    return sql<SqlBool>`(${sql.ref('institutions.inn')} = ${text} or ${sql.ref('institutions.ogrn')} = ${text})`;
  const like = `%${text}%`;
  const columns = ['institutions.full_name', 'institutions.short_name', ...alsoIn];
  return sql<SqlBool>`(${sql.join(
    columns.map((c) => sql`${sql.ref(c)} like ${like}`),
    sql` or `,
  )})`;
}

/** The SQL condition "this row lies inside the scope" over the given columns (true for the country). */
export function inScope(scope: Scope, columns: ScopeColumns): Expression<SqlBool> {
  switch (scope.level) {
    case 'country':
      return sql<SqlBool>`1 = 1`;
    case 'region':
      return sql<SqlBool>`${sql.ref(columns.region)} = ${scope.regionCode}`;
    case 'municipality':
      return sql<SqlBool>`(${sql.ref(columns.region)} = ${scope.regionCode} and ${sql.ref(columns.municipality)} = ${scope.municipalityId})`;
    case 'institution':
      return sql<SqlBool>`${sql.ref(columns.institution)} = ${scope.institutionId}`;
  }
}

export type Placement = {
  regionCode: string | null;
  municipalityId: number | null;
  institutionId: number | null;
};

/** Whether a thing placed in the hierarchy lies inside the scope; things placed nowhere only in the country's. */
export function scopeContains(scope: Scope, at: Placement): boolean {
  switch (scope.level) {
    case 'country':
      return true;
    case 'region':
      return at.regionCode === scope.regionCode;
    case 'municipality':
      return at.regionCode === scope.regionCode && at.municipalityId === scope.municipalityId;
    case 'institution':
      return at.institutionId === scope.institutionId;
  }
}

/** Whether scope `inner` is `outer` itself or lies inside it. */
export function scopeWithin(inner: Scope, outer: Scope): boolean {
  if (SCOPE_LEVELS.indexOf(inner.level) < SCOPE_LEVELS.indexOf(outer.level)) return false;
  return scopeContains(outer, placementOf(inner));
}

export function placementOf(scope: Scope): Placement {
  return {
    regionCode: scope.level === 'country' ? null : scope.regionCode,
    municipalityId:
      scope.level === 'municipality' || scope.level === 'institution' ? scope.municipalityId : null,
    institutionId: scope.level === 'institution' ? scope.institutionId : null,
  };
}

/** A short stable text for logs, cache keys and the CLI: "country", "region:77", "municipality:77/5", … */
export function scopeKey(scope: Scope): string {
  switch (scope.level) {
    case 'country':
      return 'country';
    case 'region':
      return `region:${scope.regionCode}`;
    case 'municipality':
      return `municipality:${scope.regionCode}/${scope.municipalityId}`;
    case 'institution':
      return `institution:${scope.institutionId}`;
  }
}

/** The id a unit is named by in requests: a region's code, a municipality's or institution's number. */
export function unitId(scope: Scope): string | number | undefined {
  if (scope.level === 'region') return scope.regionCode;
  if (scope.level === 'municipality') return scope.municipalityId;
  if (scope.level === 'institution') return scope.institutionId;
  return undefined;
}

/**
 * The one answer for something the caller may not see, whether it exists outside their scope or not at all:
 * two texts ("… in your scope" against "no …") once told which ids exist elsewhere. It echoes only what the
 * caller sent, never what the lookup found.
 */
export function notFound(what: string, given: string | number | undefined, field?: string): AppError {
  const name = given === undefined || given === '' ? what : `${what} ${given}`;
  return new AppError('NOT_FOUND', `${field ? `${field}: ` : ''}no ${name} in your scope`);
}
