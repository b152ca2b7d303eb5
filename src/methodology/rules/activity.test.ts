import { describe, expect, it } from 'vitest';
import { ctx, DAY, END, page, post, profile, regularPosts, START } from '../../../test/artifacts.ts';
import lastPost from './last-post.ts';
import longestSilence from './longest-silence.ts';
import ownContent from './own-content.ts';
import postingFrequency from './posting-frequency.ts';

const c = ctx();

describe('posting-frequency', () => {
  const params = { perWeek: 3 };

  it('counts own posts per week over the period', () => {
    const result = postingFrequency.evaluate(page({ posts: regularPosts(2) }), params, c);
    expect(result.status).toBe('pass');
    expect(result.value).toBe(3.5);
    expect(result.evidence).toHaveLength(3);
    expect(postingFrequency.evaluate(page({ posts: regularPosts(3) }), params, c)).toMatchObject({
      status: 'fail',
      value: 2.5,
    });
  });

  it('does not count reposts', () => {
    const posts = [...regularPosts(4), ...regularPosts(4, { isRepost: true })];
    expect(postingFrequency.evaluate(page({ posts }), params, c).value).toBe(1.75);
  });

  it('judges a page created mid-period from its first post', () => {
    const posts = [post(9), post(7), post(5), post(3), post(1)];
    const fresh = postingFrequency.evaluate(page({ posts, lastPostBefore: null }), params, c);
    expect(fresh.status).toBe('pass');
    expect(fresh.value).toBe(3.89); // 5 posts over the 9 days since the first
    expect(postingFrequency.evaluate(page({ posts }), params, c).status).toBe('fail');
  });

  it('fails an empty page and says nothing of an unreadable one', () => {
    expect(postingFrequency.evaluate(page(), params, c)).toMatchObject({ status: 'fail', value: 0 });
    expect(postingFrequency.evaluate(page({ profile: profile({ isClosed: 1 }) }), params, c).status).toBe(
      'na',
    );
  });

  it('counts a window of the last days when asked (the traffic light\'s "3 in 7 days")', () => {
    const posts = [post(20), post(15), post(6), post(4), post(1)];
    expect(postingFrequency.evaluate(page({ posts }), { perWeek: 3, windowDays: 7 }, c)).toMatchObject({
      status: 'pass',
      value: 3,
    });
  });
});

describe('longest-silence', () => {
  const params = { maxDays: 7, holidayFactor: 2 };

  it('passes regular posting', () => {
    expect(longestSilence.evaluate(page({ posts: regularPosts(3) }), params, c).status).toBe('pass');
  });

  it('fails a 10-day gap and shows it', () => {
    const posts = [post(26), post(22), post(12), post(9), post(6), post(3), post(1)];
    const result = longestSilence.evaluate(page({ posts, lastPostBefore: START - DAY }), params, c);
    expect(result.status).toBe('fail');
    expect(result.value).toBe(10);
    expect(result.evidence[0]).toMatchObject({ type: 'gap', days: 10 });
    expect(result.vars).toMatchObject({ days: 10, threshold: 7 });
  });

  it('allows twice the gap when it overlaps school holidays', () => {
    const posts = [post(26), post(22), post(12), post(9), post(6), post(3), post(1)];
    const holidays: [number, number][] = [[END - 20 * DAY, END - 14 * DAY]];
    expect(
      longestSilence.evaluate(page({ posts, lastPostBefore: START - DAY }), params, ctx({}, holidays)).status,
    ).toBe('pass');
  });

  it('measures and dates a silence inside the period: from its start and up to its end', () => {
    const before = longestSilence.evaluate(
      page({ posts: [post(1)], lastPostBefore: START - 3 * DAY }),
      params,
      c,
    );
    // Silent since 3 days before the period: 27 days of it fall inside, dated from the period's first day.
    expect(before).toMatchObject({
      status: 'fail',
      value: 27,
      evidence: [{ type: 'gap', from: START, days: 27 }],
      vars: { days: 27, from: '2026-11-01', to: '2026-11-28' },
    });
    const after = longestSilence.evaluate(
      page({ posts: [post(27), post(24), post(20)], lastPostBefore: START }),
      params,
      c,
    );
    expect(after).toMatchObject({ status: 'fail', value: 20 });
  });
});

describe('last-post', () => {
  const params = { maxDays: 7 };

  it('passes a recent post and fails an old one with its date', () => {
    expect(lastPost.evaluate(page({ posts: [post(10), post(3)] }), params, c)).toMatchObject({
      status: 'pass',
      value: 3,
    });
    const old = lastPost.evaluate(page({ posts: [post(19)] }), params, c);
    expect(old).toMatchObject({ status: 'fail', value: 19, vars: { days: 19, date: '2026-11-10' } });
  });

  it('looks before the period when nothing was posted in it', () => {
    expect(lastPost.evaluate(page({ lastPostBefore: END - 40 * DAY }), params, c)).toMatchObject({
      status: 'fail',
      value: 40,
    });
    expect(lastPost.evaluate(page({ lastPostBefore: null }), params, c)).toMatchObject({
      status: 'fail',
      value: null,
    });
  });
});

describe('own-content', () => {
  const params = { minShare: 0.5 };
  it('measures the share of own posts; reposts only fail; no posts is n/a', () => {
    const mixed = [post(5), post(4), post(3, { isRepost: true })];
    expect(ownContent.evaluate(page({ posts: mixed }), params, c)).toMatchObject({
      status: 'pass',
      value: 0.667,
    });
    const reposts = [post(5, { isRepost: true }), post(3, { isRepost: true })];
    expect(ownContent.evaluate(page({ posts: reposts }), params, c)).toMatchObject({
      status: 'fail',
      value: 0,
    });
    expect(ownContent.evaluate(page(), params, c).status).toBe('na');
  });
});
