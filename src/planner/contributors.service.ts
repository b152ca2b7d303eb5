// Pupils and teachers who propose drafts for a page: the page admin invites them (an account of the
// contributor role, placed in the institution, with a one-time password to hand over), lists and removes them.
// A contributor sees the page's plan and drafts and nothing else of Publica.
import { createUsers } from '../auth/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { type Caller, plannerPage } from './drafts.service.ts';
import { contributorsOf } from './planner.repo.ts';

export type Manager = Caller & { userId: number; login: string; ip: string };

async function managedPage(db: Db, caller: Caller, pageId: number) {
  const access = await plannerPage(db, caller, pageId);
  if (!access.manages) throw new AppError('FORBIDDEN', 'only the page admin manages contributors');
  return access.page;
}

export async function listContributors(db: Db, caller: Caller, pageId: number) {
  await managedPage(db, caller, pageId);
  return (await contributorsOf(db, pageId)).map((c) => ({
    id: c.id,
    userId: c.user_id,
    login: c.login,
    name: c.display_name,
    kind: c.kind,
    disabled: c.disabled === 1,
    since: c.created_at,
  }));
}

/** Makes a contributor account for the page; the password is shown once, to hand over. */
export async function inviteContributor(
  db: Db,
  caller: Manager,
  pageId: number,
  input: { login: string; name: string; kind: 'pupil' | 'teacher' },
  now: number,
) {
  const page = await managedPage(db, caller, pageId);
  const { user, password } = await createUsers(db).add(caller, {
    login: input.login,
    displayName: input.name,
    role: 'contributor',
    scope: { level: 'institution', institutionId: page.institution_id },
  });
  await db.kysely
    .insertInto('planner_contributors')
    .values({
      page_id: pageId,
      user_id: user.id,
      kind: input.kind,
      invited_by: caller.userId,
      created_at: now,
    })
    .execute();
  return { userId: user.id, login: user.login, password };
}

/** Ends a contribution: the account is disabled, its proposals stay for review. */
export async function removeContributor(db: Db, caller: Manager, pageId: number, userId: number) {
  await managedPage(db, caller, pageId);
  const deleted = await db.kysely
    .deleteFrom('planner_contributors')
    .where('page_id', '=', pageId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0)
    throw new AppError('NOT_FOUND', `user ${userId} does not contribute to page ${pageId}`);
  const left = await db.kysely
    .selectFrom('planner_contributors')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!left) await createUsers(db).change(caller, userId, { disabled: true });
}
