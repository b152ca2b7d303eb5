// The pages→institutions scope join, written once: pages with their institution's columns, only those inside the
// caller's scope (a page of no institution lies in the country's alone). Queries that list or find pages by
// scope start from here and add their own columns and conditions.
import { chunked, type Db } from '../platform/db.ts';
import { BY_INSTITUTION, inScope, type Scope } from '../platform/scope.ts';

export function selectPagesInScope(db: Db, scope: Scope) {
  return db.kysely
    .selectFrom('pages')
    .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
    .where(inScope(scope, BY_INSTITUTION));
}

/** The registry's OGRN of each page's institution (pages without one are left out). */
export async function ogrnsOfPages(db: Db, pageIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const chunk of chunked(pageIds, 500)) {
    const rows = await db.kysely
      .selectFrom('pages')
      .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
      .select(['pages.id', 'institutions.ogrn'])
      .where('pages.id', 'in', chunk)
      .where('institutions.ogrn', 'is not', null)
      .execute();
    for (const r of rows) if (r.ogrn) out.set(r.id, r.ogrn);
  }
  return out;
}
