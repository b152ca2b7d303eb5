// SQL of registry uploads: kept with their reports, listed within the reader's scope.
import type { Insertable } from 'kysely';
import { type Db, pageOf } from '../platform/db.ts';
import type { RegistryUploadTable } from '../platform/db-schema.ts';
import type { Scope } from '../platform/scope.ts';

export async function insertUpload(db: Db, row: Insertable<RegistryUploadTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto('registry_uploads')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

function scoped(db: Db, scope: Scope) {
  const query = db.kysely.selectFrom('registry_uploads');
  switch (scope.level) {
    case 'country':
      return query;
    case 'region':
      return query.where('region_code', '=', scope.regionCode);
    case 'municipality':
      return query
        .where('region_code', '=', scope.regionCode)
        .where('municipality_id', '=', scope.municipalityId);
    case 'institution':
      // Page admins do not upload registries.
      return query.where('id', '=', -1);
  }
}

export async function listUploads(db: Db, scope: Scope, page: { page: number; size: number }) {
  const query = scoped(db, scope);
  return pageOf(
    query,
    (q) =>
      q
        .select([
          'id',
          'user_id',
          'at',
          'file_name',
          'dry_run',
          'status',
          'rows',
          'created',
          'updated',
          'problems',
        ])
        .orderBy('id', 'desc'),
    page,
  );
}

export function findUpload(db: Db, scope: Scope, id: number) {
  return scoped(db, scope).selectAll().where('id', '=', id).executeTakeFirst();
}
