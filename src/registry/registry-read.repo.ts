// Reading the registry for the API: every query takes the caller's scope and filters by it in SQL.
import { type Db, pageOf } from '../platform/db.ts';
import type { InstitutionKind } from '../platform/db-schema.ts';
import { BY_INSTITUTION, inScope, institutionText, type Scope } from '../platform/scope.ts';
import { selectPagesInScope } from './page-scope.repo.ts';

export function listRegionsInScope(db: Db, scope: Scope) {
  let query = db.kysely.selectFrom('regions').selectAll().orderBy('code');
  if (scope.level !== 'country') query = query.where('code', '=', scope.regionCode);
  return query.execute();
}

export type MunicipalityFilter = {
  regionCode?: string | undefined;
  municipalityId?: number;
  q?: string | undefined;
  page: number;
  size: number;
};

export async function listMunicipalitiesInScope(db: Db, scope: Scope, filter: MunicipalityFilter) {
  const base = db.kysely.selectFrom('municipalities');
  // An institution's admin sees the one municipality their institution belongs to.
  let query =
    scope.level === 'institution'
      ? base.where('municipalities.id', '=', scope.municipalityId ?? -1)
      : base.where(
          inScope(scope, {
            region: 'municipalities.region_code',
            municipality: 'municipalities.id',
            institution: 'municipalities.id',
          }),
        );
  if (filter.regionCode) query = query.where('municipalities.region_code', '=', filter.regionCode);
  if (filter.municipalityId) query = query.where('municipalities.id', '=', filter.municipalityId);
  if (filter.q) query = query.where('municipalities.name', 'like', `%${filter.q}%`);
  return pageOf(
    query,
    (q) =>
      q
        .select((eb) => [
          'municipalities.id',
          'municipalities.region_code',
          'municipalities.name',
          eb
            .selectFrom('institutions')
            .whereRef('institutions.municipality_id', '=', 'municipalities.id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('institutions'),
        ])
        .orderBy('municipalities.region_code')
        .orderBy('municipalities.name'),
    filter,
  );
}

export type InstitutionSort = 'name' | '-name' | 'id' | '-id';

export type InstitutionFilter = {
  regionCode?: string;
  municipalityId?: number;
  kind?: InstitutionKind;
  q?: string;
  hasPage?: boolean;
  sort: InstitutionSort;
  page: number;
  size: number;
};

/** Institutions in the scope with the list's filters, before sorting and paging. */
function filteredInstitutions(
  db: Db,
  scope: Scope,
  filter: Omit<InstitutionFilter, 'sort' | 'page' | 'size'>,
) {
  let query = db.kysely.selectFrom('institutions').where(inScope(scope, BY_INSTITUTION));
  if (filter.regionCode) query = query.where('institutions.region_code', '=', filter.regionCode);
  if (filter.municipalityId) query = query.where('institutions.municipality_id', '=', filter.municipalityId);
  if (filter.kind) query = query.where('institutions.kind', '=', filter.kind);
  if (filter.q) query = query.where(institutionText(filter.q));
  if (filter.hasPage !== undefined)
    query = query.where((eb) => {
      const page = eb.exists(
        eb.selectFrom('pages').select('pages.id').whereRef('pages.institution_id', '=', 'institutions.id'),
      );
      return filter.hasPage ? page : eb.not(page);
    });
  return query;
}

function institutionColumns<Q extends ReturnType<typeof filteredInstitutions>>(query: Q) {
  return query
    .leftJoin('municipalities', 'municipalities.id', 'institutions.municipality_id')
    .select((eb) => [
      'institutions.id',
      'institutions.inn',
      'institutions.ogrn',
      'institutions.full_name',
      'institutions.short_name',
      'institutions.kind',
      'institutions.region_code',
      'institutions.municipality_id',
      'municipalities.name as municipality',
      'institutions.website',
      eb
        .selectFrom('pages')
        .whereRef('pages.institution_id', '=', 'institutions.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('pages'),
    ]);
}

export async function listInstitutionsInScope(db: Db, scope: Scope, filter: InstitutionFilter) {
  const descending = filter.sort.startsWith('-');
  const column = filter.sort.replace('-', '') === 'name' ? 'institutions.full_name' : 'institutions.id';
  return pageOf(
    filteredInstitutions(db, scope, filter),
    (q) =>
      institutionColumns(q)
        .orderBy(column, descending ? 'desc' : 'asc')
        .orderBy('institutions.id'),
    filter,
  );
}

export type InstitutionRow = Awaited<ReturnType<typeof listInstitutionsInScope>>['items'][number];

/**
 * The whole filtered list in the list's order, batch by batch, for exports: each batch starts after the last
 * row of the one before (keyset), so a 100,000-row export neither holds the table nor re-reads skipped rows.
 */
export async function* eachInstitutionInScope(
  db: Db,
  scope: Scope,
  filter: Omit<InstitutionFilter, 'page' | 'size'>,
  batch = 2000,
): AsyncGenerator<InstitutionRow[]> {
  const descending = filter.sort.startsWith('-');
  const byName = filter.sort.replace('-', '') === 'name';
  const direction = descending ? 'desc' : 'asc';
  let after: { name: string; id: number } | null = null;
  for (;;) {
    let query = filteredInstitutions(db, scope, filter);
    if (after) {
      const last: { name: string; id: number } = after;
      const beyond = descending ? '<' : '>';
      query = query.where((eb) =>
        byName
          ? eb.or([
              eb('institutions.full_name', beyond, last.name),
              eb.and([eb('institutions.full_name', '=', last.name), eb('institutions.id', '>', last.id)]),
            ])
          : eb('institutions.id', beyond, last.id),
      );
    }
    const ordered = byName
      ? institutionColumns(query).orderBy('institutions.full_name', direction).orderBy('institutions.id')
      : institutionColumns(query).orderBy('institutions.id', direction);
    const rows = await ordered.limit(batch).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    const tail = rows[rows.length - 1] as InstitutionRow;
    after = { name: tail.full_name, id: tail.id };
  }
}

export function findInstitutionInScope(db: Db, scope: Scope, id: number) {
  return db.kysely
    .selectFrom('institutions')
    .leftJoin('municipalities', 'municipalities.id', 'institutions.municipality_id')
    .selectAll('institutions')
    .select('municipalities.name as municipality')
    .where('institutions.id', '=', id)
    .where(inScope(scope, BY_INSTITUTION))
    .executeTakeFirst();
}

export function pagesOfInstitution(db: Db, institutionId: number) {
  return db.kysely
    .selectFrom('pages')
    .select(['id', 'platform', 'url', 'screen_name', 'external_id', 'status', 'last_collected_at'])
    .where('institution_id', '=', institutionId)
    .orderBy('id')
    .execute();
}

/** A page with its institution's placement, if the page lies in the scope (pages of no institution: country). */
export function findPageInScope(db: Db, scope: Scope, id: number) {
  return selectPagesInScope(db, scope)
    .select([
      'pages.id',
      'pages.platform',
      'pages.url',
      'pages.screen_name',
      'pages.external_id',
      'pages.status',
      'pages.last_collected_at',
      'pages.institution_id',
      'institutions.full_name',
      'institutions.kind',
      'institutions.region_code',
      'institutions.municipality_id',
    ])
    .where('pages.id', '=', id)
    .executeTakeFirst();
}

/** The first institution with a municipality and a page: where the demo's scoped accounts are placed. */
export function firstPlacedInstitution(db: Db) {
  return db.kysely
    .selectFrom('institutions')
    .innerJoin('pages', 'pages.institution_id', 'institutions.id')
    .select([
      'institutions.id',
      'institutions.region_code',
      'institutions.municipality_id',
      'institutions.full_name',
    ])
    .where('institutions.municipality_id', 'is not', null)
    .orderBy('institutions.region_code')
    .orderBy('institutions.id')
    .limit(1)
    .executeTakeFirst();
}
