// Which comments wait for the community, and what answered them. A user's question — at the top of a post's
// comments or inside a thread — is answered by the community's first comment after it in the same thread;
// a question asked in a thread after the community's last word there waits again. The community's own
// comments, deleted comments and spam never wait.
import { isQuestion } from '../methodology/index.ts';
import { isSpam } from './safety.ts';

export type ThreadComment = {
  vkId: number;
  postVkId: number;
  isFromCommunity: boolean;
  isDeleted: boolean;
  postedAt: number;
  replyTo: number | null;
  threadRoot: number | null;
  text: string;
};

export type Waiting = { comment: ThreadComment; answeredAt: number | null; answerVkId: number | null };

/** The thread a comment belongs to: its root comment's id (a top-level comment is its own root). */
export function threadOf(c: Pick<ThreadComment, 'vkId' | 'threadRoot' | 'replyTo'>): number {
  return c.threadRoot ?? c.replyTo ?? c.vkId;
}

export function needsAnswer(c: ThreadComment): boolean {
  return !c.isFromCommunity && !c.isDeleted && isQuestion(c.text) && !isSpam(c.text);
}

/** The questions among `comments` (one page's), each with the community's first answer after it, if any. */
export function questionsAndAnswers(comments: ThreadComment[]): Waiting[] {
  const answers = new Map<string, ThreadComment[]>();
  for (const c of comments) {
    // A top-level comment by the community starts its own thread; it answers no one.
    if (!c.isFromCommunity || c.isDeleted || (c.threadRoot === null && c.replyTo === null)) continue;
    const key = `${c.postVkId}:${threadOf(c)}`;
    answers.set(key, [...(answers.get(key) ?? []), c]);
  }
  for (const list of answers.values()) list.sort((a, b) => a.postedAt - b.postedAt || a.vkId - b.vkId);
  return comments
    .filter(needsAnswer)
    .map((comment) => {
      const answer = answers
        .get(`${comment.postVkId}:${threadOf(comment)}`)
        ?.find(
          (a) => a.postedAt > comment.postedAt || (a.postedAt === comment.postedAt && a.vkId > comment.vkId),
        );
      return { comment, answeredAt: answer?.postedAt ?? null, answerVkId: answer?.vkId ?? null };
    })
    .sort((a, b) => a.comment.postedAt - b.comment.postedAt);
}
