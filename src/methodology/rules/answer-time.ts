// Median time to the community's first answer to a user's question, in hours [H][D].
import { z } from 'zod';
import { answerTimes, questionsOf } from './dialogue.ts';
import { notReadable, round, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export default defineRule({
  id: 'answer-time',
  requires: ['comments'],
  value: { min: 0, max: 240, threshold: 'maxHours', lowerIsBetter: true },
  vars: { pass: ['hours', 'threshold', 'answered'], fail: ['hours', 'threshold', 'answered'] },
  params: z.object({ maxHours: z.number().positive() }),
  evaluate(a, params) {
    if (unreadable(a)) return notReadable;
    const answers = answerTimes(a);
    const waits = questionsOf(a).flatMap((q) => {
      const at = answers.get(q.vkId);
      return at === undefined ? [] : [{ q, hours: (at - q.postedAt) / 3600 }];
    });
    const value = median(waits.map((w) => w.hours));
    if (value === null) return { status: 'na', value: null, evidence: [] };
    const slowest = [...waits].sort((x, y) => y.hours - x.hours).slice(0, 3);
    return {
      status: value <= params.maxHours ? 'pass' : 'fail',
      value: round(value, 1),
      evidence: slowest.map((w) => ({
        type: 'comment' as const,
        id: w.q.vkId,
        postId: w.q.postVkId,
        date: w.q.postedAt,
        note: `${round(w.hours, 1)} h`,
      })),
      vars: { hours: round(value, 1), threshold: params.maxHours, answered: waits.length },
    };
  },
});
