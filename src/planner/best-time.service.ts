// A page's best time to post (for the planner's panel and a new draft's default time), within the caller's
// planner scope, in the page's region's time zone.
import type { Db } from '../platform/db.ts';
import { ownPostsSince } from './best-time.repo.ts';
import { type BestTime, bestTime, WINDOW_DAYS } from './best-time.ts';
import { plannerPage } from './drafts.service.ts';

type Caller = Parameters<typeof plannerPage>[1];

export async function pageBestTime(
  db: Db,
  caller: Caller,
  pageId: number,
  now: number,
): Promise<BestTime & { timezone: string; windowDays: number }> {
  const { page } = await plannerPage(db, caller, pageId);
  const timezone = page.timezone ?? 'Europe/Moscow';
  const posts = await ownPostsSince(db, pageId, now - WINDOW_DAYS * 86_400);
  return { ...bestTime(posts, timezone), timezone, windowDays: WINDOW_DAYS };
}
