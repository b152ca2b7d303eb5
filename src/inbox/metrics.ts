// Response-time metrics as SMM suites define them, in working time of the region's calendar: the first
// response time (median and 90th percentile), the share of questions answered within the deadline, and the
// questions still unanswered past it. The deadline is the methodology's answer-time limit (24 hours: one
// working day, so a question of Friday 17:00 is due on Monday 17:00).
import type { Waiting } from './thread.ts';
import { addWorkingSeconds, type WorkCalendar, workingSecondsBetween } from './working-hours.ts';

export type ResponseMetrics = {
  questions: number;
  answered: number;
  /** Working hours to the first answer. */
  medianHours: number | null;
  p90Hours: number | null;
  /** Answered within the deadline ÷ questions whose deadline has passed or which were answered. */
  withinDeadline: number | null;
  overdue: number;
  waiting: number;
};

/** Working hours of the deadline from the methodology's limit in calendar hours: 24 h is one working day. */
export function deadlineSeconds(maxHours: number, cal: WorkCalendar): number {
  return (maxHours / 24) * (cal.endHour - cal.startHour) * 3600;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Nearest-rank quantile. */
function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? null;
}

/** Metrics over questions, each judged in its calendar (one for all, or each question's region's). */
export function responseMetrics(
  items: Waiting[],
  calendar: WorkCalendar | ((item: Waiting) => WorkCalendar),
  maxHours: number,
  now: number,
): ResponseMetrics {
  const hours: number[] = [];
  let inTime = 0;
  let judged = 0;
  let overdue = 0;
  for (const item of items) {
    const cal = typeof calendar === 'function' ? calendar(item) : calendar;
    const asked = item.comment.postedAt;
    const due = addWorkingSeconds(asked, deadlineSeconds(maxHours, cal), cal);
    if (item.answeredAt !== null) {
      hours.push(workingSecondsBetween(asked, item.answeredAt, cal) / 3600);
      judged++;
      if (item.answeredAt <= due) inTime++;
    } else if (now > due) {
      judged++;
      overdue++;
    }
  }
  hours.sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    questions: items.length,
    answered: hours.length,
    medianHours: round(median(hours)),
    p90Hours: round(quantile(hours, 0.9)),
    withinDeadline: judged ? Math.round((inTime / judged) * 1000) / 1000 : null,
    overdue,
    waiting: items.length - hours.length - overdue,
  };
}
