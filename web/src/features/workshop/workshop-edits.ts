// The editor's typed changes and how they become a patch for the server.
import type { Reply } from '../../lib/client.ts';

export type Version = Reply<'GET /api/methodology/workshop/:id'>;
export type Preview = Reply<'GET /api/methodology/workshop/:id/preview'>;
export type Problem = Reply<'POST /api/methodology/workshop/:id/lint'>['problems'][number];
/** Changed parameters by rule, as typed (numbers parsed). */
export type Edits = Record<string, Record<string, unknown>>;
/** Changed texts by rule and field (title, recommendation…), each language as typed. */
export type TextEdits = Record<string, Record<string, { ru?: string; en?: string }>>;

/** The texts a methodologist may change, in the order the screen shows them. */
export const TEXT_FIELDS = [
  'title',
  'warnTitle',
  'failureTitle',
  'recommendation',
  'warnRecommendation',
  'help',
  'rationale',
] as const;

export function parsed(text: string): unknown {
  const n = Number(text.replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

export function patchOf(edits: Edits, texts: TextEdits = {}) {
  const rules: Record<string, Record<string, unknown>> = {};
  for (const [rule, params] of Object.entries(edits)) {
    // A ratio rule's target follows its threshold, so the score and the status say the same.
    const target = typeof params.perWeek === 'number' ? params.perWeek : undefined;
    rules[rule] = { params, ...(target !== undefined ? { scoring: { type: 'ratio', target } } : {}) };
  }
  for (const [rule, fields] of Object.entries(texts)) rules[rule] = { ...rules[rule], ...fields };
  return { rules };
}
