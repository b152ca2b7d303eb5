// Best time to post: slots from the page's own posts in its time zone, judged only on enough posts, with an
// honest "not enough data"; and the route, inside the planner's scope, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/api.ts';
import { describeEachDialect } from '../../test/db.ts';
import { instantAt } from '../platform/time-zone.ts';
import { bestTime, MIN_POSTS, type TimedPost } from './best-time.ts';

const TZ = 'Asia/Yekaterinburg'; // UTC+5: a slot in local time is not the UTC one
/** A post on 2026-11-(day) at a local hour, with its views. */
const post = (day: number, hour: number, views: number): TimedPost => ({
  postedAt: instantAt({ y: 2026, m: 11, d: day }, hour * 3600 + 600, TZ),
  views,
  likes: Math.round(views / 20),
  comments: 1,
  reposts: 0,
});

describe('best time to post', () => {
  it('says "not enough data" below the minimum, and suggests nothing', () => {
    const few = Array.from({ length: MIN_POSTS - 1 }, (_, i) => post(2 + (i % 20), 19, 500));
    const result = bestTime(few, TZ);
    expect(result).toMatchObject({ posts: MIN_POSTS - 1, need: MIN_POSTS, enough: false, best: [] });
    expect(result.cells).toHaveLength(7 * 8);
  });

  it('finds the slot whose posts get the most views in local time, ignoring slots with under three posts', () => {
    // 2026-11-02 is a Monday. Tuesdays 18–21 local: 4 posts at twice the views of the rest.
    const posts = [
      ...[3, 10, 17, 24].map((d) => post(d, 19, 1000)),
      ...Array.from({ length: 20 }, (_, i) => post(2 + (i % 5) + 7 * Math.floor(i / 5), 10, 500)),
      // One Sunday post at night with huge views: a lucky shot, not a slot.
      post(8, 23, 9000),
    ];
    const result = bestTime(posts, TZ);
    expect(result.enough).toBe(true);
    const first = result.best[0];
    expect(first).toMatchObject({ weekday: 1, hour: 18, posts: 4 });
    expect(first?.reach).toBe(2);
    expect(result.best.some((c) => c.weekday === 6)).toBe(false);
    const sunday = result.cells.find((c) => c.weekday === 6 && c.hour === 21);
    expect(sunday?.posts).toBe(1);
  });

  it('leaves posts without views out (no division by zero)', () => {
    const result = bestTime([post(3, 10, 0)], TZ);
    expect(result.posts).toBe(0);
    expect(result.cells.every((c) => c.reach === null)).toBe(true);
  });
});

describeEachDialect(
  'best time route',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 40 });
    });
    afterAll(() => w?.close());

    it('answers the page admin for their page, and hides another page', async () => {
      const own = await w.as('institution', {
        method: 'GET',
        url: `/api/planner/pages/${w.a.pageId}/best-time`,
      });
      expect(own.statusCode).toBe(200);
      const body = own.json();
      expect(body.cells).toHaveLength(56);
      expect(body.enough).toBe(body.best.length > 0);
      expect(typeof body.timezone).toBe('string');
      const other = await w.as('institution', {
        method: 'GET',
        url: `/api/planner/pages/${w.b.pageId}/best-time`,
      });
      expect(other.statusCode).toBe(404);
    });
  },
  { shared: true },
);
