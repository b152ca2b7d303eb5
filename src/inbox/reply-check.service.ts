// Checks a draft reply to a comment or a community message in the caller's scope, proposing a deadline three
// working days ahead in the page's own calendar (its region's time zone and holidays).
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Scope } from '../platform/scope.ts';
import { loadedCalendars } from './calendar.repo.ts';
import { commentInScope } from './inbox.repo.ts';
import { calendarOf } from './inbox.service.ts';
import { messageInScope } from './messages.repo.ts';
import { checkReply, type ReplyCheck } from './reply-check.ts';
import { addWorkingSeconds } from './working-hours.ts';

const PROPOSED_WORKING_DAYS = 3;

export async function checkDraftReply(
  db: Db,
  caller: { scope: Scope },
  commentId: number,
  text: string,
  now: number,
  kind: 'comment' | 'message' = 'comment',
): Promise<ReplyCheck & { proposedDeadline: number }> {
  // Messages are read only by those who may answer: the routes that call this require comments.answer.
  const item =
    kind === 'comment'
      ? await commentInScope(db, caller.scope, commentId)
      : await messageInScope(db, caller.scope, commentId);
  if (!item) throw new AppError('NOT_FOUND', `no ${kind} ${commentId} in your scope`);
  if (!text.trim()) throw new AppError('VALIDATION', 'body.text: the draft is empty');
  const page = await db.kysely
    .selectFrom('pages')
    .leftJoin('institutions', 'institutions.id', 'pages.institution_id')
    .leftJoin('regions', 'regions.code', 'institutions.region_code')
    .select(['regions.timezone', 'institutions.region_code'])
    .where('pages.id', '=', item.page_id)
    .executeTakeFirst();
  const cal = calendarOf(page ?? null, now, await loadedCalendars(db));
  const day = (cal.endHour - cal.startHour) * 3600;
  const due = addWorkingSeconds(now, PROPOSED_WORKING_DAYS * day, cal);
  // The date in each language's own words: "8 декабря" in the Russian fix, "8 December" in the English one.
  const dateIn = (locale: string) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: cal.timeZone }).format(
      due * 1000,
    );
  const proposedDate = { ru: dateIn('ru-RU'), en: dateIn('en-GB') };
  return { ...checkReply(text, { proposedDate }), proposedDeadline: due };
}
