import { describe, expect, it } from 'vitest';
import { comment, ctx, DAY, END, page, post, profile } from '../../../test/artifacts.ts';
import answerRate from './answer-rate.ts';
import answerTime, { median } from './answer-time.ts';
import commentsOpen from './comments-open.ts';
import { isQuestion } from './dialogue.ts';
import discussion from './discussion.ts';
import erViews from './er-views.ts';
import reach from './reach.ts';

const c = ctx();
const H = 3600;

describe('er-views', () => {
  it('is Σ(likes + comments + reposts) / Σ views over own posts', () => {
    const posts = [
      post(3, { likes: 10, comments: 2, reposts: 0, views: 100 }),
      post(2, { likes: 5, comments: 0, reposts: 3, views: 300 }),
    ];
    expect(erViews.evaluate(page({ posts }), {}, c).value).toBe(0.05);
    expect(erViews.evaluate(page({ posts: [post(2, { views: 0 })] }), {}, c).status).toBe('na');
  });
});

describe('reach', () => {
  it("is the views of the last week's posts per member", () => {
    const posts = [post(10, { views: 5000 }), post(5, { views: 400 }), post(1, { views: 300 })];
    expect(reach.evaluate(page({ posts }), { windowDays: 7 }, c).value).toBe(0.7);
    expect(
      reach.evaluate(page({ posts, profile: profile({ membersCount: 0 }) }), { windowDays: 7 }, c).status,
    ).toBe('na');
  });
});

describe('discussion', () => {
  it('is the share of own posts with a comment from a user, not from the community', () => {
    const posts = [post(3), post(2), post(1)];
    const [a, b] = posts;
    const comments = [
      comment(10, a?.vkId ?? 0, END - 2 * DAY),
      comment(11, b?.vkId ?? 0, END - DAY, { isFromCommunity: true, fromId: -1 }),
    ];
    expect(discussion.evaluate(page({ posts, comments }), {}, c).value).toBe(0.333);
  });
});

describe('comments-open', () => {
  const params = { recentPosts: 10, maxClosedShare: 0.5 };
  it('fails a wall with comments off, warns on some closed posts, fails on most', () => {
    expect(commentsOpen.evaluate(page({ posts: [post(1)] }), params, c).status).toBe('pass');
    expect(commentsOpen.evaluate(page({ profile: profile({ wall: 0 }) }), params, c).status).toBe('fail');
    const some = [post(4), post(3), post(2, { commentsClosed: true })];
    expect(commentsOpen.evaluate(page({ posts: some }), params, c)).toMatchObject({
      status: 'warn',
      vars: { closed: 1, recent: 3 },
    });
    const most = [post(4, { commentsClosed: true }), post(3, { commentsClosed: true }), post(2)];
    expect(commentsOpen.evaluate(page({ posts: most }), params, c).status).toBe('fail');
  });
});

describe('questions and answers', () => {
  it('recognise questions by a question mark or a question word', () => {
    expect(isQuestion('Когда собрание?')).toBe(true);
    expect(isQuestion('Подскажите расписание на завтра')).toBe(true);
    expect(isQuestion('Спасибо за праздник!')).toBe(false);
  });

  const p = post(5);
  const q = (id: number, hoursAgo: number, text = 'Когда собрание?') =>
    comment(id, p.vkId, END - hoursAgo * H, { text });
  const answer = (id: number, to: number, hoursAgo: number) =>
    comment(id, p.vkId, END - hoursAgo * H, {
      isFromCommunity: true,
      fromId: -1,
      replyTo: to,
      threadRoot: to,
      text: 'В четверг.',
    });

  it('answer-rate counts questions answered in their thread, leaving out those younger than the grace period', () => {
    const comments = [
      q(1, 100),
      answer(2, 1, 90),
      q(3, 80),
      q(4, 70),
      answer(5, 4, 10),
      q(6, 2),
      comment(7, p.vkId, END - 50 * H),
    ];
    const result = answerRate.evaluate(page({ posts: [p], comments }), { minShare: 0.9, graceHours: 24 }, c);
    expect(result).toMatchObject({ status: 'fail', value: 0.667, vars: { unanswered: 1, questions: 3 } });
    expect(result.evidence).toEqual([expect.objectContaining({ type: 'comment', id: 3 })]);
  });

  it('answer-rate is n/a without questions, and a deleted question does not count', () => {
    expect(answerRate.evaluate(page({ posts: [p] }), { minShare: 0.9, graceHours: 24 }, c).status).toBe('na');
    const deleted = [comment(1, p.vkId, END - 100 * H, { text: 'Когда?', isDeleted: true })];
    expect(
      answerRate.evaluate(page({ posts: [p], comments: deleted }), { minShare: 0.9, graceHours: 24 }, c)
        .status,
    ).toBe('na');
  });

  it('answer-time is the median hours to the first community answer', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const comments = [q(1, 100), answer(2, 1, 98), answer(3, 1, 50), q(4, 80), answer(5, 4, 40)];
    const result = answerTime.evaluate(page({ posts: [p], comments }), { maxHours: 24 }, c);
    expect(result).toMatchObject({ status: 'pass', value: 21 }); // median of 2 h and 40 h
    const slow = [q(1, 100), answer(2, 1, 60), q(4, 80), answer(5, 4, 40)];
    expect(answerTime.evaluate(page({ posts: [p], comments: slow }), { maxHours: 24 }, c)).toMatchObject({
      status: 'fail',
      value: 40,
    });
    expect(answerTime.evaluate(page({ posts: [p], comments: [q(1, 10)] }), { maxHours: 24 }, c).status).toBe(
      'na',
    );
  });
});
