// Posts are easy to read: sentences and words within bounds, no ALL-CAPS and no emoji-only posts (proposed).
import { z } from 'zod';
import type { PostArtifact } from '../artifacts.ts';
import { notReadable, ownPosts, round, share, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

type TextShape = { letters: number; upper: number; words: number; wordLetters: number; sentences: number };

const isUpper = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f) || c === 0x401;
const isLower = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x44f) || c === 0x451;

/** One pass over the text (this runs on every post of every page): letters, capitals, words, sentences. */
function shapeOf(text: string): TextShape {
  const shape: TextShape = { letters: 0, upper: 0, words: 0, wordLetters: 0, sentences: 0 };
  let inWord = false;
  let sentenceHasWords = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const upper = isUpper(c);
    if (upper || isLower(c)) {
      shape.letters++;
      if (upper) shape.upper++;
      shape.wordLetters++;
      if (!inWord) {
        shape.words++;
        inWord = true;
        sentenceHasWords = true;
      }
    } else if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) {
      if (sentenceHasWords) shape.sentences++;
      sentenceHasWords = false;
      inWord = false;
    } else if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) inWord = false;
  }
  if (sentenceHasWords) shape.sentences++;
  return shape;
}

export function readingProblem(text: string, maxSentenceWords: number, maxWordLength: number): string | null {
  const shape = shapeOf(text);
  if (text.trim() !== '' && shape.letters === 0) return 'no_words';
  if (shape.letters >= 20 && shape.upper / shape.letters > 0.7) return 'all_caps';
  if (shape.words === 0) return null;
  if (shape.words / Math.max(1, shape.sentences) > maxSentenceWords) return 'long_sentences';
  if (shape.wordLetters / shape.words > maxWordLength) return 'long_words';
  return null;
}

export default defineRule({
  id: 'plain-language',
  requires: ['posts'],
  value: { min: 0, max: 1, threshold: 'minShare' },
  canWarn: true,
  vars: { pass: ['percent', 'count'], warn: ['percent', 'count'], fail: ['percent', 'count'] },
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
