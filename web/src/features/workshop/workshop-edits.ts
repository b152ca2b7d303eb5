// The editor's typed changes and how they become a patch for the server.
import type { Reply } from '../../lib/client.ts';

export type Version = Reply<'GET /api/methodology/workshop/:id'>;
export type Preview = Reply<'GET /api/methodology/workshop/:id/preview'>;
export type Problem = Reply<'POST /api/methodology/workshop/:id/lint'>['problems'][number];
/** Changed parameters by rule, as typed (numbers parsed). */
export type Edits = Record<string, Record<string, unknown>>;

export function parsed(text: string): unknown {
  const n = Number(text.replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

export function patchOf(edits: Edits) {
  return {
    rules: Object.fromEntries(
      Object.entries(edits).map(([rule, params]) => {
        // A ratio rule's target follows its threshold, so the score and the status say the same.
        const target = typeof params.perWeek === 'number' ? params.perWeek : undefined;
        return [rule, { params, ...(target !== undefined ? { scoring: { type: 'ratio', target } } : {}) }];
      }),
    ),
  };
}
