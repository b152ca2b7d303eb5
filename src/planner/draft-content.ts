// What a draft of each kind carries besides its text: photos (files uploaded to Publica), a poll (question,
// options, multiple choice, end), a clip or video (its file and title), a live broadcast (announced time, link).
import { z } from 'zod';
import type { DraftKind } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';

const fileId = z.number().int().positive();

export const pollContent = z.object({
  question: z.string().trim().min(1).max(255),
  options: z.array(z.string().trim().min(1).max(100)).min(2).max(10),
  multiple: z.boolean().default(false),
  /** Unix seconds; 0 = the poll never ends. */
  endsAt: z.number().int().min(0).default(0),
});

export const contentSchemas = {
  text: z.object({ photos: z.array(fileId).max(10).default([]) }),
  poll: z.object({ photos: z.array(fileId).max(9).default([]), poll: pollContent }),
  clip: z.object({ file: fileId, title: z.string().trim().min(1).max(200) }),
  video: z.object({ file: fileId, title: z.string().trim().min(1).max(200) }),
  live: z.object({
    title: z.string().trim().min(1).max(200),
    /** When the broadcast starts (unix seconds); the post announces it. */
    startsAt: z.number().int().positive(),
    link: z.url().optional(),
  }),
} as const;

export type DraftContent = {
  photos?: number[];
  poll?: z.infer<typeof pollContent>;
  file?: number;
  title?: string;
  startsAt?: number;
  link?: string;
};

export const DRAFT_KINDS = Object.keys(contentSchemas) as DraftKind[];

/** The content checked for its kind; a bad field is named as `body.content.<field>`. */
export function parseContent(kind: DraftKind, content: unknown): DraftContent {
  const parsed = contentSchemas[kind].safeParse(content ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = ['body', 'content', ...(issue?.path ?? [])].join('.');
    const message = `${where}: ${issue?.message ?? 'invalid'}`;
    throw new AppError('VALIDATION', message, [{ path: where, message: issue?.message ?? 'invalid' }]);
  }
  return parsed.data as DraftContent;
}

/** The files a draft's content refers to. */
export function filesOf(content: DraftContent): number[] {
  return [...(content.photos ?? []), ...(content.file ? [content.file] : [])];
}

/** How the post looks to the audit: the attachment counts the collector will read back. */
export function attachmentCounts(kind: DraftKind, content: DraftContent) {
  return {
    photos: content.photos?.length ?? 0,
    polls: kind === 'poll' ? 1 : 0,
    clips: kind === 'clip' ? 1 : 0,
    videos: kind === 'video' ? 1 : 0,
    lives: kind === 'live' ? 1 : 0,
  };
}

/** The post's message: the text, then the rubric's hashtag on a line of its own. */
export function messageOf(text: string, rubric: string | null): string {
  const tag = rubric ? `#${rubric.replace(/^#/, '')}` : '';
  return [text.trim(), tag].filter(Boolean).join('\n\n');
}
