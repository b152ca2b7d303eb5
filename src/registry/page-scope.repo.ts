// The pages→institutions scope join, written once: pages with their institution's columns, only those inside the
// caller's scope (a page of no institution lies in the country's alone). Queries that list or find pages by
// scope start from here and add their own columns and conditions.
import type { Db } from '../platform/db.ts';
import { BY_INSTITUTION, inScope, type Scope } from '../platform/scope.ts';

export function selectPagesInScope(db: Db, scope: Scope) {
  return db.kysely
    .selectFrom('pages')
    .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
    .where(inScope(scope, BY_INSTITUTION));
}
