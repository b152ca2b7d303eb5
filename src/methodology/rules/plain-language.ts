// Posts are easy to read: sentences and words within bounds, no ALL-CAPS and no emoji-only posts (proposed).
import { z } from 'zod';
import type { PostArtifact } from '../artifacts.ts';
import { notReadable, ownPosts, round, share, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export function readingProblem(text: string, maxSentenceWords: number, maxWordLength: number): string | null {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (text.trim() !== '' && letters.length === 0) return 'no_words';
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (letters.length >= 20 && upper / letters.length > 0.7) return 'all_caps';
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return null;
  const sentences = Math.max(1, text.split(/[.!?…]+(?:\s|$)/).filter((s) => /\p{L}/u.test(s)).length);
  if (words.length / sentences > maxSentenceWords) return 'long_sentences';
  const meanWord = words.reduce((s, w) => s + w.replace(/[^\p{L}]/gu, '').length, 0) / words.length;
  if (meanWord > maxWordLength) return 'long_words';
  return null;
}

export default defineRule({
  id: 'plain-language',
  requires: ['posts'],
  params: z.object({
    maxSentenceWords: z.number().positive(),
    maxWordLength: z.number().positive(),
    minShare: z.number().min(0).max(1),
  }),
  evaluate(a, params) {
    if (unreadable(a)) return notReadable;
    const own = ownPosts(a).filter((p) => p.text.trim() !== '');
    const problems = own
      .map((p): [PostArtifact, string | null] => [
        p,
        readingProblem(p.text, params.maxSentenceWords, params.maxWordLength),
      ])
      .filter(([, problem]) => problem !== null);
    const value = share(own.length - problems.length, own.length);
    if (value === null) return { status: 'na', value: null, evidence: [] };
    return {
      status: value >= params.minShare ? 'pass' : 'warn',
      value: round(value, 3),
      evidence: problems.slice(-3).map(([p, problem]) => ({
        type: 'post' as const,
        id: p.vkId,
        date: p.postedAt,
        note: problem ?? '',
      })),
      vars: { percent: Math.round(value * 100), count: problems.length },
    };
  },
});
