// Small arithmetic shared by rules: own posts, period lengths, shares and dates in the region's time zone.
import type { PageArtifacts, Period, PostArtifact, RuleResult } from '../artifacts.ts';

export const DAY = 86_400;

export const ownPosts = (a: PageArtifacts): PostArtifact[] => a.posts.filter((p) => !p.isRepost);

export const days = (period: Period): number => Math.max(1, (period.end - period.start) / DAY);

/**
 * When the page's history starts inside the period (nothing before it, first post later), rates are counted
 * from its first post: a page created mid-period is judged on the time it existed.
 */
export function activeSpan(a: PageArtifacts, period: Period): Period {
  if (a.lastPostBefore !== null || a.posts.length === 0) return period;
  const first = Math.min(...a.posts.map((p) => p.postedAt));
  // At least a week is judged, so one post on the last day does not make a huge weekly rate.
  const start = Math.max(period.start, Math.min(first - (first % DAY), period.end - 7 * DAY));
  return { ...period, start };
}

export const perWeek = (count: number, period: Period) => (count / days(period)) * 7;
export const perMonth = (count: number, period: Period) => (count / days(period)) * 30.44;
export const perQuarter = (count: number, period: Period) => (count / days(period)) * 91.31;

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

// Building an Intl formatter costs far more than using one: one per time zone, made once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as YYYY-MM-DD in the given time zone. */
export function localDate(unix: number, timezone: string): string {
  let format = dateFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timezone, format);
  }
  return format.format(new Date(unix * 1000));
}

/** Pass at or above the threshold, else fail; na where there is nothing to measure. */
export function atLeast(
  value: number | null,
  threshold: number,
  extra: Partial<RuleResult> = {},
): RuleResult {
  if (value === null) return { status: 'na', value: null, evidence: [], ...extra };
  return { status: value >= threshold ? 'pass' : 'fail', value: round(value, 3), evidence: [], ...extra };
}

/** The page cannot be read (closed or deactivated): content rules have nothing to judge. */
export function unreadable(a: PageArtifacts): boolean {
  const p = a.profile;
  return !p || p.deactivated !== null || (p.isClosed ?? 0) > 0;
}

export const notReadable: RuleResult = {
  status: 'na',
  value: null,
  evidence: [{ type: 'field', name: 'readable', value: false }],
};

export function present(
  a: PageArtifacts,
  check: (p: NonNullable<PageArtifacts['profile']>) => boolean | null,
  field: string,
): RuleResult {
  if (!a.profile) return { status: 'na', value: null, evidence: [] };
  const ok = check(a.profile);
  // VK did not send the fact: unknown, not "no".
  if (ok === null)
    return { status: 'na', value: null, evidence: [{ type: 'field', name: field, value: null }] };
  return {
    status: ok ? 'pass' : 'fail',
    value: ok ? 1 : 0,
    evidence: ok ? [] : [{ type: 'missing', name: field }],
  };
}
