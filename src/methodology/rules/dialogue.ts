// What counts as a user's question and as the community's answer to it: shared by the dialogue rules.
import type { CommentArtifact, PageArtifacts } from '../artifacts.ts';

const QUESTION_START =
  /^(подскажите|скажите|как|когда|где|почему|зачем|можно ли|будет ли|будут ли|куда|кто|что|сколько|есть ли|здравствуйте[!,.]?\s*(подскажите|скажите|как|когда|где))/i;

export function isQuestion(text: string): boolean {
  const t = text.trim();
  return t.includes('?') || QUESTION_START.test(t);
}

/** Top-level user comments that ask something (not deleted), in time order. */
export function questionsOf(a: PageArtifacts): CommentArtifact[] {
  return a.comments
    .filter((c) => !c.isFromCommunity && !c.isDeleted && c.replyTo === null && isQuestion(c.text))
    .sort((x, y) => x.postedAt - y.postedAt);
}

/** The community's first answer in the question's thread, if any. */
export function answerTimes(a: PageArtifacts): Map<number, number> {
  const first = new Map<number, number>();
  for (const c of a.comments) {
    if (!c.isFromCommunity || c.isDeleted) continue;
    const target = c.threadRoot ?? c.replyTo;
    if (target === null) continue;
    const known = first.get(target);
    if (known === undefined || c.postedAt < known) first.set(target, c.postedAt);
  }
  return first;
}
