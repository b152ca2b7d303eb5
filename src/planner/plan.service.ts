// A page's plan for a month (or any span): its drafts, the posts already on its wall, the school year's events
// as suggestions, each week's posts against the methodology's frequency (a gap where it would fail, school
// holidays excepted), and the month's mix per kind against its targets. Also: what one draft helps meet, and
// the reminders sent when a page is about to miss its week.

import { type MethodologyVersion, NATIONAL_VERSION, shippedVersion } from '../methodology/index.ts';
import { insertNotifications } from '../notifications/index.ts';
import { dayNumber, dayNumberOf, isoOfDayNumber, weekdayOfDayNumber } from '../platform/calendar-date.ts';
import type { Db } from '../platform/db.ts';
import type { DraftKind } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';
import { instantAt, localTime } from '../platform/time-zone.ts';
import { regionVersion, regionVersions } from '../registry/index.ts';
import { pageTokenKinds } from '../vk/index.ts';
import type { DraftContent } from './draft-content.ts';
import { type Caller, draftFor, plannerPage } from './drafts.service.ts';
import { listNetworkPosts } from './network-posts.repo.ts';
import { type Around, draftHelps, mixTargets } from './plan-targets.ts';
import { type DraftRow, draftsOfPage, postsOfPage } from './planner.repo.ts';
import { tokenNeeds } from './publish-tokens.ts';
import { inSchoolHolidays, schoolEvents } from './school-calendar.ts';

/** The longest span one plan covers: its last day at most this many days after its first. */
export const MAX_PLAN_DAYS = 100;

/** The version the page is judged by: its region's choice, else the national one. */
export async function versionOfRegion(db: Db, regionCode: string | null): Promise<MethodologyVersion> {
  return shippedVersion(await regionVersion(db, regionCode));
}

const isoOf = (d: { y: number; m: number; d: number }) =>
  `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;

const parseIso = (iso: string) => ({
  y: Number(iso.slice(0, 4)),
  m: Number(iso.slice(5, 7)),
  d: Number(iso.slice(8, 10)),
});

// Day numbers, not date strings: a string that stopped changing (a year before 1 formats as "-000001-12")
// once kept the week loop below going for ever.
// Dates here come from the clock or stored instants (always real ones); what a caller sends is checked in
// pagePlan.
const dayOf = (iso: string) => dayNumberOf(parseIso(iso));
const addDays = (iso: string, days: number) => isoOfDayNumber(dayOf(iso) + days);

/** Monday of the week of a local date. */
function mondayOf(iso: string): string {
  const n = dayOf(iso);
  return isoOfDayNumber(n - weekdayOfDayNumber(n));
}

/** Counts that the plan holds: drafts that will be (or were) posts, and posts on the wall. */
const LIVE_DRAFTS = new Set(['proposed', 'draft', 'awaiting_municipality', 'scheduled', 'publishing']);

type Item = {
  day: string;
  kind: DraftKind | 'post';
  polls: number;
  clips: number;
  videos: number;
  lives: number;
  rubric: boolean;
  visual: boolean;
  repost: boolean;
};

function draftItem(d: DraftRow, tz: string): Item | null {
  if (d.planned_at === null || !LIVE_DRAFTS.has(d.status)) return null;
  const content = JSON.parse(d.content_json) as DraftContent;
  return {
    day: isoOf(localTime(d.planned_at, tz)),
    kind: d.kind,
    polls: d.kind === 'poll' ? 1 : 0,
    clips: d.kind === 'clip' ? 1 : 0,
    videos: d.kind === 'video' ? 1 : 0,
    lives: d.kind === 'live' ? 1 : 0,
    rubric: d.rubric !== null,
    visual: (content.photos?.length ?? 0) > 0 || d.kind !== 'text',
    repost: false,
  };
}

type PostRow = Awaited<ReturnType<typeof postsOfPage>>[number];

function postItem(p: PostRow, tz: string): Item {
  return {
    day: isoOf(localTime(p.posted_at, tz)),
    kind: 'post',
    polls: p.polls,
    clips: p.clips,
    videos: p.videos,
    lives: p.lives,
    rubric: /#[\p{L}\p{N}_]+/u.test(p.text),
    visual: p.photos + p.videos + p.clips > 0,
    repost: p.is_repost === 1,
  };
}

/** What the plan counts: drafts still to be posts (a published one is among the posts) and the posts. */
function planItems(drafts: DraftRow[], posts: PostRow[], tz: string): Item[] {
  return [
    ...drafts.map((d) => draftItem(d, tz)).filter((x): x is Item => x !== null),
    ...posts.map((p) => postItem(p, tz)),
  ];
}

export type PlanView = Awaited<ReturnType<typeof pagePlan>>;

/** The plan of a page between two local dates (inclusive), in the region's time zone. */
export async function pagePlan(db: Db, caller: Caller, pageId: number, from: string, to: string) {
  const fromDay = dayNumber(from, 'query.from');
  const toDay = dayNumber(to, 'query.to');
  if (toDay < fromDay) throw new AppError('VALIDATION', 'query.to: the span ends before it starts');
  if (toDay - fromDay > MAX_PLAN_DAYS)
    throw new AppError('VALIDATION', `query.to: at most ${MAX_PLAN_DAYS} days at once`);
  const { page, manages } = await plannerPage(db, caller, pageId);
  const tz = page.timezone;
  // Whole weeks around the span, so the first and last weeks are judged on all their days.
  const firstMonday = fromDay - weekdayOfDayNumber(fromDay);
  const weekCount = Math.floor((toDay - weekdayOfDayNumber(toDay) - firstMonday) / 7) + 1;
  const weekFrom = isoOfDayNumber(firstMonday);
  const weekTo = isoOfDayNumber(firstMonday + weekCount * 7 - 1);
  const start = instantAt(parseIso(weekFrom), 0, tz);
  const end = instantAt(parseIso(addDays(weekTo, 1)), 0, tz);
  const [drafts, posts, version] = await Promise.all([
    draftsOfPage(db, pageId, { from: start, to: end }),
    postsOfPage(db, pageId, start, end),
    versionOfRegion(db, page.region_code),
  ]);
  const targets = mixTargets(version);
  const items = planItems(drafts, posts, tz);
  const weeks: {
    start: string;
    planned: number;
    posted: number;
    target: number | null;
    gap: number;
    holidays: boolean;
  }[] = [];
  // A counted loop: at most MAX_PLAN_DAYS / 7 + 2 weeks, whatever the dates.
  for (let w = 0; w < weekCount; w++) {
    const monday = isoOfDayNumber(firstMonday + w * 7);
    const sunday = addDays(monday, 6);
    const inWeek = items.filter((i) => i.day >= monday && i.day <= sunday);
    const posted = inWeek.filter((i) => i.kind === 'post').length;
    const planned = inWeek.length - posted;
    // A week mostly in school holidays may be sparser (the methodology's holiday allowance).
    const holidays = [0, 1, 2, 3, 4].filter((k) => inSchoolHolidays(addDays(monday, k))).length >= 3;
    const target = targets.postsPerWeek;
    const gap = target === null || holidays ? 0 : Math.max(0, target - planned - posted);
    weeks.push({ start: monday, planned, posted, target, gap, holidays });
  }
  const inSpan = items.filter((i) => i.day >= from && i.day <= to);
  const months = Math.max(1, Math.round((toDay - fromDay) / 30));
  const sum = (key: 'polls' | 'clips' | 'videos' | 'lives') => inSpan.reduce((s, i) => s + i[key], 0);
  const own = inSpan.filter((i) => !i.repost);
  const mix = {
    posts: {
      have: inSpan.length,
      target:
        targets.postsPerWeek === null ? null : Math.round((targets.postsPerWeek * (toDay - fromDay + 1)) / 7),
    },
    polls: {
      have: sum('polls'),
      target: targets.pollsPerMonth === null ? null : targets.pollsPerMonth * months,
    },
    clips: {
      have: sum('clips'),
      target: targets.clipsPerMonth === null ? null : targets.clipsPerMonth * months,
    },
    videos: {
      have: sum('videos'),
      target: targets.videosPerMonth === null ? null : targets.videosPerMonth * months,
    },
    lives: {
      have: sum('lives'),
      target: targets.livesPerQuarter === null ? null : Math.ceil((targets.livesPerQuarter * months) / 3),
    },
    rubricShare: {
      have: own.length ? own.filter((i) => i.rubric).length / own.length : null,
      target: targets.rubricShare,
    },
    visualShare: {
      have: own.length ? own.filter((i) => i.visual).length / own.length : null,
      target: targets.visualShare,
    },
  };
  return {
    page: {
      id: page.id,
      name: page.short_name ?? page.full_name,
      url: page.url,
      timezone: tz,
      regionCode: page.region_code,
    },
    canManage: manages,
    version: version.id,
    from,
    to,
    drafts: drafts.map((d) => draftView(d)),
    posts: posts.map((p) => ({
      vkId: p.vk_id,
      postedAt: p.posted_at,
      text: p.text.slice(0, 140),
      polls: p.polls,
      clips: p.clips,
      videos: p.videos,
      lives: p.lives,
      photos: p.photos,
    })),
    events: schoolEvents(from, to),
    weeks,
    mix,
  };
}

export function draftView(d: DraftRow) {
  const state = JSON.parse(d.publish_state_json) as { stream?: { url: string; key: string } };
  return {
    id: d.id,
    pageId: d.page_id,
    kind: d.kind,
    title: d.title,
    text: d.text,
    rubric: d.rubric,
    content: JSON.parse(d.content_json) as DraftContent,
    plannedAt: d.planned_at,
    status: d.status,
    authorId: d.author_id,
    reviewComment: d.review_comment,
    attempts: d.attempts,
    nextAttemptAt: d.next_attempt_at,
    lastError: d.last_error,
    vkPostId: d.vk_post_id,
    publishedAt: d.published_at,
    syndicationId: d.syndication_id,
    stream: state.stream ?? null,
  };
}

/** What the page has around a moment, not counting one draft: the draft's week, month and quarter. */
async function around(
  db: Db,
  pageId: number,
  tz: string,
  at: number,
  except: number | null,
): Promise<Around> {
  const day = isoOf(localTime(at, tz));
  const monday = mondayOf(day);
  const monthStart = `${day.slice(0, 7)}-01`;
  const quarterMonth = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1;
  const quarterStart = `${day.slice(0, 4)}-${String(quarterMonth).padStart(2, '0')}-01`;
  const from = [monday, monthStart, quarterStart].sort()[0] as string;
  const start = instantAt(parseIso(from), 0, tz);
  const end = instantAt(parseIso(addDays(day, 40)), 0, tz);
  const drafts = (await draftsOfPage(db, pageId, { from: start, to: end })).filter((d) => d.id !== except);
  const items = planItems(drafts, await postsOfPage(db, pageId, start, end), tz);
  const month = items.filter((i) => i.day.slice(0, 7) === day.slice(0, 7));
  const sunday = addDays(monday, 6);
  // The first day after the quarter (exclusive): 1 January of the next year after the fourth.
  const nextQuarter = new Date(Date.UTC(Number(day.slice(0, 4)), quarterMonth + 2, 1));
  const quarterEnd = nextQuarter.toISOString().slice(0, 10);
  return {
    week: items.filter((i) => i.day >= monday && i.day <= sunday).length,
    month: {
      polls: month.reduce((s, i) => s + i.polls, 0),
      clips: month.reduce((s, i) => s + i.clips, 0),
      videos: month.reduce((s, i) => s + i.videos, 0),
    },
    quarter: {
      lives: items
        .filter((i) => i.day >= quarterStart && i.day < quarterEnd)
        .reduce((s, i) => s + i.lives, 0),
    },
  };
}

/** A draft with what it helps meet of the methodology (at its planned time, or now). */
export async function draftDetail(db: Db, caller: Caller, id: number, now: number) {
  const { draft, page } = await draftFor(db, caller, id);
  const targets = mixTargets(await versionOfRegion(db, page.region_code));
  const at = draft.planned_at ?? now;
  const content = JSON.parse(draft.content_json) as DraftContent;
  const helps = draftHelps(
    draft.kind,
    content,
    draft.rubric,
    await around(db, page.id, page.timezone, at, draft.id),
    targets,
  );
  // What the page's tokens allow: the editor says which token a photo, poll, clip or broadcast still needs.
  const publishing = tokenNeeds(draft.kind, content, await pageTokenKinds(db, page.id));
  const networks = (await listNetworkPosts(db, draft.id)).map((r) => ({
    network: r.network,
    status: r.status,
    attempts: r.attempts,
    postId: r.external_id,
    error: r.last_error,
  }));
  return { ...draftView(draft), helps, publishing, networks };
}

/**
 * Reminds each page that is about to miss this week's posts (fewer posted and planned than the methodology
 * asks, from Thursday on, outside school holidays), once per page and week.
 */
export async function sendPlanReminders(db: Db, now: number): Promise<number> {
  const pages = await db.kysely
    .selectFrom('pages')
    .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
    .innerJoin('regions', 'regions.code', 'institutions.region_code')
    .select([
      'pages.id',
      'institutions.id as institution_id',
      'institutions.short_name',
      'institutions.full_name',
      'institutions.region_code',
      'regions.timezone',
    ])
    .where('pages.platform', '=', 'vk')
    .where('pages.status', '=', 'active')
    // Pages someone plans for: the reminder is about their plan.
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('planner_drafts')
          .select('planner_drafts.id')
          .whereRef('planner_drafts.page_id', '=', 'pages.id'),
      ),
    )
    .execute();
  // Each page is reminded of its own region's norm.
  const versions = await regionVersions(db, [...new Set(pages.map((p) => p.region_code))]);
  const targets = new Map<string, number | null>();
  const notices = [];
  for (const p of pages) {
    const id = versions.get(p.region_code) ?? NATIONAL_VERSION;
    if (!targets.has(id)) targets.set(id, mixTargets(shippedVersion(id)).postsPerWeek);
    const target = targets.get(id) ?? null;
    if (target === null) continue;
    const today = isoOf(localTime(now, p.timezone));
    const weekday = weekdayOfDayNumber(dayOf(today));
    if (weekday < 3 || inSchoolHolidays(today)) continue;
    const monday = mondayOf(today);
    const have = (await around(db, p.id, p.timezone, now, null)).week;
    if (have >= target) continue;
    notices.push({
      institutionId: p.institution_id,
      kind: 'plan_gap',
      params: { page: p.short_name ?? p.full_name, planned: have, target, pageId: p.id },
      link: `/planner/${p.id}`,
      key: `plan_gap:${p.id}:${monday}`,
      at: now,
    });
  }
  return insertNotifications(db, notices);
}
