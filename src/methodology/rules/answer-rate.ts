// The share of users' questions the community answered [D]. Questions younger than `graceHours` at the end
// of the period are not counted yet.
import { z } from 'zod';
import { answerTimes, questionsOf } from './dialogue.ts';
import { localDate, notReadable, round, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'answer-rate',
  requires: ['comments'],
  value: { min: 0, max: 1, threshold: 'minShare' },
  vars: {
    pass: ['unanswered', 'questions', 'percent', 'threshold', 'oldest'],
    fail: ['unanswered', 'questions', 'percent', 'threshold', 'oldest'],
  },
  params: z.object({ minShare: z.number().min(0).max(1), graceHours: z.number().min(0) }),
  evaluate(a, params, ctx) {
    if (unreadable(a)) return notReadable;
    const cutoff = ctx.period.end - params.graceHours * 3600;
    const questions = questionsOf(a).filter((q) => q.postedAt <= cutoff);
    if (questions.length === 0) return { status: 'na', value: null, evidence: [] };
    const answers = answerTimes(a);
    const open = questions.filter((q) => !answers.has(q.vkId));
    const value = 1 - open.length / questions.length;
    return {
      status: value >= params.minShare ? 'pass' : 'fail',
      value: round(value, 3),
      evidence: open.slice(-5).map((q) => ({
        type: 'comment' as const,
        id: q.vkId,
        postId: q.postVkId,
        date: q.postedAt,
        text: q.text.slice(0, 120),
      })),
      vars: {
        unanswered: open.length,
        questions: questions.length,
        percent: Math.round(value * 100),
        threshold: Math.round(params.minShare * 100),
        oldest: open[0] ? localDate(open[0].postedAt, ctx.period.timezone) : '—',
      },
    };
  },
});
