// What counts as waiting and as answered, and the response-time metrics over a region's working calendar.
import { describe, expect, it } from 'vitest';
import { responseMetrics } from './metrics.ts';
import { questionsAndAnswers, type ThreadComment } from './thread.ts';
import { russianCalendar } from './working-hours.ts';

const at = (iso: string) => Date.parse(iso) / 1000;
let next = 1;
function comment(over: Partial<ThreadComment> & { text: string; postedAt: number }): ThreadComment {
  return {
    vkId: next++,
    postVkId: 10,
    isFromCommunity: false,
    isDeleted: false,
    replyTo: null,
    threadRoot: null,
    ...over,
  };
}

describe('threads', () => {
  it('answers a top-level question by the community reply in its thread, not by a top-level comment', () => {
    const q = comment({ text: 'Когда собрание?', postedAt: at('2026-11-23T10:00:00+03:00') });
    const top = comment({
      text: 'Всем привет',
      isFromCommunity: true,
      postedAt: at('2026-11-23T10:05:00+03:00'),
    });
    const reply = comment({
      text: 'В среду в 18:00',
      isFromCommunity: true,
      replyTo: q.vkId,
      threadRoot: q.vkId,
      postedAt: at('2026-11-23T11:00:00+03:00'),
    });
    expect(questionsAndAnswers([q, top, reply])).toEqual([
      { comment: q, answeredAt: reply.postedAt, answerVkId: reply.vkId },
    ]);
  });

  it('keeps a follow-up question in the thread waiting until the community speaks again', () => {
    const q = comment({ text: 'Где взять справку?', postedAt: at('2026-11-23T10:00:00+03:00') });
    const a = comment({
      text: 'В канцелярии',
      isFromCommunity: true,
      threadRoot: q.vkId,
      replyTo: q.vkId,
      postedAt: at('2026-11-23T12:00:00+03:00'),
    });
    const follow = comment({
      text: 'А до скольки она работает?',
      threadRoot: q.vkId,
      replyTo: a.vkId,
      postedAt: at('2026-11-23T13:00:00+03:00'),
    });
    const result = questionsAndAnswers([q, a, follow]);
    expect(result.map((w) => [w.comment.vkId, w.answerVkId])).toEqual([
      [q.vkId, a.vkId],
      [follow.vkId, null],
    ]);
  });

  it('never waits on the community, deleted comments, remarks without a question, or spam', () => {
    const t = at('2026-11-23T10:00:00+03:00');
    const list = [
      comment({ text: 'Когда каникулы?', isFromCommunity: true, postedAt: t }),
      comment({ text: 'Когда каникулы?', isDeleted: true, postedAt: t }),
      comment({ text: 'Спасибо за праздник!', postedAt: t }),
      comment({ text: 'Как заработать? Заработок от 5000 в день без вложений на money.xyz', postedAt: t }),
    ];
    expect(questionsAndAnswers(list)).toEqual([]);
  });

  it('measures first response in working hours and the share within one working day', () => {
    const cal = russianCalendar('Europe/Moscow', [2026]);
    const friday = comment({ text: 'Будет ли продлёнка?', postedAt: at('2026-11-27T17:00:00+03:00') });
    const monday = comment({ text: 'Сколько стоит обед?', postedAt: at('2026-11-30T10:00:00+03:00') });
    const tuesday = comment({ text: 'Где расписание?', postedAt: at('2026-11-24T10:00:00+03:00') });
    const items = [
      // Answered Monday 12:00: 4 working hours later (1 on Friday, 3 on Monday), in time.
      { comment: friday, answeredAt: at('2026-11-30T12:00:00+03:00'), answerVkId: 100 },
      // Answered the next day 15:00: 14 working hours, late.
      { comment: monday, answeredAt: at('2026-12-01T15:00:00+03:00'), answerVkId: 101 },
      // Never answered and past its deadline.
      { comment: tuesday, answeredAt: null, answerVkId: null },
    ];
    expect(responseMetrics(items, cal, 24, at('2026-12-02T12:00:00+03:00'))).toEqual({
      questions: 3,
      answered: 2,
      medianHours: 9,
      p90Hours: 14,
      withinDeadline: 0.333,
      overdue: 1,
      waiting: 0,
    });
  });
});
