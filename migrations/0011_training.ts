// Training seminars for page admins: the seminar (programme, organiser, format, time in the region's zone,
// capacity, the audience rule it was targeted by), and each institution's enrolment in it (invited,
// registered, waiting, cancelled; attended or not; a certificate's verification code).
import type { AnyDb } from './helpers.ts';
import { withId } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('seminars'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('programme_json', 'text', (c) => c.notNull())
    .addColumn('organiser_kind', 'text', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('trainers_json', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('place', 'text')
    .addColumn('starts_at', 'integer', (c) => c.notNull())
    .addColumn('ends_at', 'integer', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('municipality_id', 'integer', (c) => c.references('municipalities.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('audience_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('seminar_enrolments'))
    .addColumn('seminar_id', 'integer', (c) => c.notNull().references('seminars.id').onDelete('cascade'))
    .addColumn('institution_id', 'integer', (c) =>
      c.notNull().references('institutions.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_at', 'integer', (c) => c.notNull())
    .addColumn('certificate_code', 'text', (c) => c.unique())
    .addUniqueConstraint('seminar_enrolments_once', ['seminar_id', 'institution_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('seminar_enrolments').ifExists().execute();
  await db.schema.dropTable('seminars').ifExists().execute();
}
