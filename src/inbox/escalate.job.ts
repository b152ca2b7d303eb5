// The escalation pass the scheduler fires: every question still unanswered past its deadline is checked against
// its region's setting (working hours past the deadline, in the page's working calendar) and its moves to the
// municipality's and the region's queues are recorded once each. The moment of a move follows from the deadline,
// so a late or repeated pass, or one after a restart, records the same moments and nothing twice.
import type { Db } from '../platform/db.ts';
import type { JobDefinition } from '../platform/jobs/index.ts';
import { COUNTRY } from '../platform/scope.ts';
import { loadedCalendars } from './calendar.repo.ts';
import {
  type EscalationMove,
  escalationSettingsByRegion,
  pagePlacements,
  recordEscalations,
} from './escalation.repo.ts';
import { DEFAULT_ESCALATION, escalationOf } from './escalation.ts';
import { calendarOf, type InboxItem, listInbox } from './inbox.service.ts';
import { messageItems } from './messages.service.ts';
import type { WorkCalendar } from './working-hours.ts';

export const INBOX_ESCALATE = 'inbox.escalate';

/** Everything the system reads at once: the pass shows no one the text, so nothing goes to the audit log. */
const ALL = { page: 1, size: Number.MAX_SAFE_INTEGER };

export async function escalateOverdue(db: Db, now: number): Promise<{ overdue: number; moved: number }> {
  const comments = (await listInbox(db, { userId: 0, scope: COUNTRY }, { overdue: true }, ALL, now)).items;
  const messages = (await messageItems(db, COUNTRY, {}, now)).items.filter((i) => i.overdue);
  const overdue: InboxItem[] = [...comments, ...messages];
  const placements = new Map(
    (await pagePlacements(db, [...new Set(overdue.map((i) => i.pageId))])).map((p) => [p.id, p]),
  );
  const settings = await escalationSettingsByRegion(db);
  const loaded = await loadedCalendars(db);
  const calendars = new Map<number, WorkCalendar>();
  const moves: EscalationMove[] = [];
  for (const item of overdue) {
    const page = placements.get(item.pageId) ?? null;
    const cal = calendars.get(item.pageId) ?? calendarOf(page, now, loaded);
    calendars.set(item.pageId, cal);
    const setting = (page?.region_code && settings.get(page.region_code)) || DEFAULT_ESCALATION;
    for (const step of escalationOf(item.dueAt, null, now, cal, setting).history)
      if (step.level !== 'page')
        moves.push({
          kind: item.kind,
          itemId: item.commentId,
          pageId: item.pageId,
          level: step.level,
          movedAt: step.at,
        });
  }
  return { overdue: overdue.length, moved: await recordEscalations(db, moves, now) };
}

export function escalationJobs(db: Db): JobDefinition[] {
  return [
    {
      queue: INBOX_ESCALATE,
      options: { singleton: true, retryLimit: 1, retryDelaySeconds: 60, expireSeconds: 600 },
      handler: async () => escalateOverdue(db, Math.floor(Date.now() / 1000)),
    },
  ];
}
