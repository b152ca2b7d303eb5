import { describe, expect, it } from 'vitest';
import { ctx, page, post, profile, regularPosts } from '../../../test/artifacts.ts';
import clips from './clips.ts';
import live from './live.ts';
import polls from './polls.ts';
import rubrics from './rubrics.ts';
import video from './video.ts';
import visuals from './visuals.ts';

const c = ctx({ start: ctx().period.end - 30.44 * 86_400 });

describe('polls, clips and video per month', () => {
  it('pass at the monthly target, warn below it, fail with none', () => {
    const posts = [
      post(20, { polls: 1 }),
      post(10, { clips: 1 }),
      post(5, { videos: 1 }),
      post(2, { videos: 1 }),
    ];
    expect(polls.evaluate(page({ posts }), { min: 1 }, c)).toMatchObject({ status: 'pass', value: 1 });
    expect(clips.evaluate(page({ posts }), { min: 1 }, c).status).toBe('pass');
    expect(video.evaluate(page({ posts }), { min: 2 }, c)).toMatchObject({ status: 'pass', value: 2 });
    expect(video.evaluate(page({ posts: posts.slice(0, 3) }), { min: 2 }, c)).toMatchObject({
      status: 'warn',
      value: 1,
    });
    expect(polls.evaluate(page({ posts: regularPosts(3) }), { min: 1 }, c)).toMatchObject({
      status: 'fail',
      value: 0,
    });
  });

  it('do not count reposted polls', () => {
    expect(
      polls.evaluate(page({ posts: [post(3, { polls: 1, isRepost: true })] }), { min: 1 }, c).status,
    ).toBe('fail');
  });

  it('cite the posts that count', () => {
    const result = polls.evaluate(page({ posts: [post(20, { polls: 1 })] }), { min: 1 }, c);
    expect(result.evidence).toEqual([expect.objectContaining({ type: 'post' })]);
  });

  it('say nothing of a closed page', () => {
    expect(polls.evaluate(page({ profile: profile({ isClosed: 1 }) }), { min: 1 }, c).status).toBe('na');
  });
});

describe('live broadcasts per quarter', () => {
  it('scales the count of a month to a quarter', () => {
    expect(live.evaluate(page({ posts: [post(10, { lives: 1 })] }), { min: 1 }, c)).toMatchObject({
      status: 'pass',
      value: 3,
    });
    expect(live.evaluate(page({ posts: regularPosts(4) }), { min: 1 }, c).status).toBe('fail');
  });
});

describe('visuals and rubrics', () => {
  it('measure the share of own posts with a picture or a rubric hashtag', () => {
    const posts = [
      post(5, { text: 'Новость #новости@school5' }),
      post(4, { photos: 0 }),
      post(3, { photos: 0, text: 'Текст' }),
    ];
    expect(visuals.evaluate(page({ posts }), { minShare: 0.6 }, c)).toMatchObject({
      status: 'fail',
      value: 0.333,
    });
    expect(rubrics.evaluate(page({ posts }), { minShare: 0.3 }, c)).toMatchObject({
      status: 'pass',
      value: 0.333,
    });
    expect(
      visuals.evaluate(page({ posts: [post(2, { clips: 1, photos: 0 })] }), { minShare: 0.6 }, c).status,
    ).toBe('pass');
    expect(rubrics.evaluate(page(), { minShare: 0.3 }, c).status).toBe('na');
  });
});

describe('live', () => {
  it('is judged on the quarter ending at the period end, not extrapolated from the period', async () => {
    const { default: live } = await import('./live.ts');
    const { page: pageOf, ctx: ctxOf, END: end, DAY: day } = await import('../../../test/artifacts.ts');
    // One broadcast 60 days before the end: outside a 28-day period, inside the quarter.
    const a = pageOf({ quarterLives: [end - 60 * day] });
    expect(live.evaluate(a, { min: 1 }, ctxOf())).toMatchObject({ status: 'pass', value: 1 });
    expect(live.evaluate(pageOf({ quarterLives: [] }), { min: 1 }, ctxOf()).status).toBe('fail');
  });
});
