// SQL of a contributor's place on a page, for seeding (the demo): the invitation itself goes through
// inviteContributor, which also makes the account.
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { PlannerContributorTable } from '../platform/db-schema.ts';

export async function insertContributor(db: Db, row: Insertable<PlannerContributorTable>): Promise<void> {
  await db.kysely.insertInto('planner_contributors').values(row).execute();
}
