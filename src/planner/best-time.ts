// "Best time to post" from a page's own history: its posts by local weekday and 3-hour slot, each post's views
// against the page's median (so a growing page does not favour recent slots) and its ER. Honest by
// construction: a slot is judged only on MIN_SLOT_POSTS posts or more, and the page only on MIN_POSTS.
import { localTime } from '../platform/time-zone.ts';

/** Fewer own posts than this in the window and nothing is suggested: "not enough data". */
export const MIN_POSTS = 20;
/** A slot needs this many posts before its average means anything. */
export const MIN_SLOT_POSTS = 3;
export const SLOT_HOURS = 3;
export const WINDOW_DAYS = 180;

export type TimedPost = { postedAt: number; views: number; likes: number; comments: number; reposts: number };
export type SlotCell = {
  weekday: number; // 0 Monday … 6 Sunday, local
  hour: number; // the slot's first local hour: 0, 3, …, 21
  posts: number;
  /** Mean of views ÷ the page's median views: 1.2 is 20 % more views than the page's typical post. */
  reach: number | null;
  /** Mean (likes + comments + reposts) ÷ views. */
  er: number | null;
};
export type BestTime = {
  posts: number;
  need: number;
  enough: boolean;
  cells: SlotCell[];
  /** Up to three slots with enough posts and the best reach, best first (empty when not enough data). */
  best: SlotCell[];
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function weekdayOf(local: { y: number; m: number; d: number }): number {
  return (new Date(Date.UTC(local.y, local.m - 1, local.d)).getUTCDay() + 6) % 7;
}

export function bestTime(posts: TimedPost[], timeZone: string): BestTime {
  const seen = posts.filter((p) => p.views > 0);
  const typical = seen.length ? median(seen.map((p) => p.views)) : 0;
  const sums = new Map<string, { weekday: number; hour: number; n: number; reach: number; er: number }>();
  for (const p of seen) {
    const local = localTime(p.postedAt, timeZone);
    const weekday = weekdayOf(local);
    const hour = Math.floor(local.seconds / 3600 / SLOT_HOURS) * SLOT_HOURS;
    const key = `${weekday}:${hour}`;
    const cell = sums.get(key) ?? { weekday, hour, n: 0, reach: 0, er: 0 };
    cell.n += 1;
    cell.reach += p.views / typical;
    cell.er += (p.likes + p.comments + p.reposts) / p.views;
    sums.set(key, cell);
  }
  const cells: SlotCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++)
    for (let hour = 0; hour < 24; hour += SLOT_HOURS) {
      const c = sums.get(`${weekday}:${hour}`);
      cells.push({
        weekday,
        hour,
        posts: c?.n ?? 0,
        reach: c ? Math.round((c.reach / c.n) * 100) / 100 : null,
        er: c ? Math.round((c.er / c.n) * 10_000) / 10_000 : null,
      });
    }
  const enough = seen.length >= MIN_POSTS;
  const best = enough
    ? cells
        .filter((c) => c.posts >= MIN_SLOT_POSTS)
        .sort((a, b) => (b.reach ?? 0) - (a.reach ?? 0) || (b.er ?? 0) - (a.er ?? 0) || b.posts - a.posts)
        .slice(0, 3)
    : [];
  return { posts: seen.length, need: MIN_POSTS, enough: enough && best.length > 0, cells, best };
}
