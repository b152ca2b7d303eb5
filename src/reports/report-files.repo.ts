// SQL of report schedules and generated report files, always filtered by the caller's scope.
import type { Insertable } from 'kysely';
import { type Db, pageOf } from '../platform/db.ts';
import type { ReportFileTable, ReportScheduleTable } from '../platform/db-schema.ts';
import { inScope, type Scope } from '../platform/scope.ts';

const columns = (table: 'report_schedules' | 'report_files') => ({
  region: `${table}.region_code`,
  municipality: `${table}.municipality_id`,
  institution: `${table}.institution_id`,
});

export async function insertSchedule(db: Db, row: Insertable<ReportScheduleTable>): Promise<number> {
  const { id } = await db.kysely
    .insertInto('report_schedules')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function findSchedule(db: Db, id: number) {
  return db.kysely.selectFrom('report_schedules').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findScheduleInScope(db: Db, scope: Scope, id: number) {
  return db.kysely
    .selectFrom('report_schedules')
    .selectAll()
    .where('id', '=', id)
    .where(inScope(scope, columns('report_schedules')))
    .executeTakeFirst();
}

export function listSchedulesInScope(db: Db, scope: Scope) {
  return db.kysely
    .selectFrom('report_schedules')
    .selectAll()
    .where(inScope(scope, columns('report_schedules')))
    .orderBy('id')
    .execute();
}

export async function deleteSchedule(db: Db, id: number): Promise<void> {
  await db.kysely.deleteFrom('report_schedules').where('id', '=', id).execute();
}

export async function insertFile(db: Db, row: Insertable<ReportFileTable>): Promise<number> {
  const { id } = await db.kysely
    .insertInto('report_files')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const FILE_FIELDS = [
  'id',
  'level',
  'unit_key',
  'unit_name',
  'format',
  'lang',
  'run_id',
  'bytes',
  'schedule_id',
  'created_by',
  'created_at',
] as const;

export function listFilesInScope(
  db: Db,
  scope: Scope,
  page: { page: number; size: number },
  scheduleId?: number,
) {
  let filtered = db.kysely.selectFrom('report_files').where(inScope(scope, columns('report_files')));
  if (scheduleId !== undefined) filtered = filtered.where('schedule_id', '=', scheduleId);
  return pageOf(filtered, (q) => q.select(FILE_FIELDS).orderBy('id', 'desc'), page);
}

export function findFileInScope(db: Db, scope: Scope, id: number) {
  return db.kysely
    .selectFrom('report_files')
    .select([...FILE_FIELDS, 'content'])
    .where('id', '=', id)
    .where(inScope(scope, columns('report_files')))
    .executeTakeFirst();
}
