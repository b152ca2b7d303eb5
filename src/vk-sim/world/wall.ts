// Grows a community's wall (posts and comments) from its parameters: a pure function of the world's
// seed and the community, so the simulated VK and `world load` see exactly the same history.
import { DAY_SECONDS } from '../../platform/clock.ts';
import { mixSeed, Rng } from './rng.ts';
import * as words from './vocabulary.ts';
import type {
  AttachmentKind,
  Wall,
  WallParams,
  WorldComment,
  WorldCommunity,
  WorldMeta,
  WorldPost,
} from './world.types.ts';

const HOUR = 3600;
/** The regional ministry's community that pages repost from. */
export const MINISTRY_OWNER_ID = -100_000;

export function worldEnd(meta: Pick<WorldMeta, 'asOf'>): number {
  return Math.floor(Date.parse(`${meta.asOf}T00:00:00Z`) / 1000);
}

/** School holidays make posting sparser; the factor multiplies a day's expected posts. */
export function seasonFactor(unix: number): number {
  const d = new Date(unix * 1000);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (m >= 6 && m <= 8) return 0.3;
  if ((m === 12 && day >= 30) || (m === 1 && day <= 8)) return 0.3;
  if (m === 11 && day <= 8) return 0.6;
  if (m === 3 && day >= 24) return 0.6;
  const weekday = d.getUTCDay();
  return weekday === 0 || weekday === 6 ? 0.35 : 1.15;
}

type Draft = Omit<WorldPost, 'id' | 'comments'> & { key: number };
type CommentDraft = Omit<WorldComment, 'id' | 'post_id' | 'reply_to_comment' | 'thread_root'> & {
  postKey: number;
  replyTo: number | null;
};

/**
 * How a page posts after its admin's seminar: more often, with polls and clips, rubrics and photos, and
 * answering questions sooner.
 */
export function trainedParams(p: WallParams): WallParams {
  return {
    ...p,
    postsPerWeek: Math.max(p.postsPerWeek * 1.8, 5),
    silentDays: 0,
    pollsPerMonth: Math.max(p.pollsPerMonth, 2),
    clipsPerMonth: Math.max(p.clipsPerMonth, 2),
    videosPerMonth: Math.max(p.videosPerMonth, 1),
    rubricShare: Math.max(p.rubricShare, 0.8),
    photoShare: Math.max(p.photoShare, 0.85),
    repostShare: Math.min(p.repostShare, 0.1),
    answerRate: Math.max(p.answerRate, 0.95),
    answerHoursMedian: Math.min(p.answerHoursMedian, 3),
    personalDataShare: 0,
    adsShare: 0,
    hasPinned: true,
  };
}

export function wallOf(
  community: WorldCommunity,
  meta: Pick<WorldMeta, 'seed' | 'asOf' | 'days' | 'truthCases'>,
): Wall {
  const before = community.wall_params;
  const rng = new Rng(mixSeed(meta.seed, community.id, 7));
  const end = worldEnd(meta);
  const start = Math.max(end - meta.days * DAY_SECONDS, end - before.ageDays * DAY_SECONDS);
  const trainedFrom =
    community.trained_days_ago === undefined ? end : end - community.trained_days_ago * DAY_SECONDS;
  const after = trainedFrom < end ? trainedParams(before) : before;
  const paramsOn = (day: number) => (day >= trainedFrom ? after : before);
  const lastDay = trainedFrom < end ? end : end - before.silentDays * DAY_SECONDS;
  const drafts: Draft[] = [];
  for (let day = start; day < lastDay; day += DAY_SECONDS) {
    const p = paramsOn(day);
    // An untrained page's stop: the days it has been silent.
    if (day < trainedFrom && day >= end - before.silentDays * DAY_SECONDS) continue;
    const perMonth = Math.max(0.1, (p.postsPerWeek * 30) / 7);
    const count = rng.poisson((p.postsPerWeek / 7) * seasonFactor(day));
    for (let i = 0; i < count; i++) drafts.push(makePost(rng, community, p, day, perMonth, drafts.length));
  }
  const p = after;
  drafts.sort((a, b) => a.date - b.date || a.key - b.key);
  if (p.hasPinned && drafts.length > 0) {
    const pinned = drafts[Math.floor(rng.next() * Math.min(drafts.length, 8))];
    if (pinned) pinned.is_pinned = true;
  }
  const commentDrafts: CommentDraft[] = [];
  for (const post of drafts) {
    if (!post.comments_closed)
      commentDrafts.push(...makeComments(rng, community, paramsOn(post.date), post, end));
  }
  const wall = assignIds(drafts, commentDrafts);
  return meta.truthCases ? withTruthCases(wall, community, meta) : wall;
}

/** Replies in the long thread: more than VK sends inline (thread_items_count is at most 10). */
export const LONG_THREAD_REPLIES = 13;

/**
 * VK's content-truth cases added to a wall after the world's own items (their ids follow the wall's last), from
 * a random stream of their own so the rest of the world stays as it was: a visitor's post with a poll on an open
 * wall, a broadcast announced but not held, a thread of more replies than VK sends inline, and a comment that
 * vanishes half a day after the world's end.
 */
function withTruthCases(wall: Wall, c: WorldCommunity, meta: Pick<WorldMeta, 'seed' | 'asOf'>): Wall {
  if (c.deactivated || c.is_closed) return wall;
  const rng = new Rng(mixSeed(meta.seed, c.id, 11));
  const end = worldEnd(meta);
  let id = Math.max(0, ...wall.posts.map((p) => p.id), ...wall.comments.map((x) => x.id));
  let at = end - 6 * HOUR;
  const tick = () => {
    at += 60;
    return at;
  };
  const posts = [...wall.posts];
  const comments = [...wall.comments];
  const post = (extra: Partial<WorldPost>): WorldPost => {
    const p: WorldPost = {
      id: ++id,
      date: tick(),
      text: rng.pick(words.eventPhrases),
      attachments: {},
      likes: 0,
      reposts: 0,
      views: rng.int(10, 200),
      comments: 0,
      is_pinned: false,
      marked_as_ads: false,
      copy_of: null,
      comments_closed: false,
      ...extra,
    };
    posts.push(p);
    return p;
  };
  const comment = (postId: number, fromId: number, text: string, root: number | null, goneAt?: number) => {
    const x: WorldComment = {
      id: ++id,
      post_id: postId,
      from_id: fromId,
      date: tick(),
      text,
      reply_to_comment: root,
      thread_root: root,
      deleted: false,
      ...(goneAt !== undefined ? { gone_at: goneAt } : {}),
    };
    comments.push(x);
    return x;
  };
  const visitor = () => rng.int(1_000_000, 900_000_000);
  if (c.wall === 1)
    post({ from_id: visitor(), text: rng.pick(words.userQuestions), attachments: { poll: 1 } });
  if (c.id % 2 === 0) post({ attachments: { live: 1 }, live_upcoming: true });
  if (c.wall !== 0) {
    const talk = post({});
    const question = comment(talk.id, visitor(), rng.pick(words.userQuestions), null);
    for (let i = 0; i < LONG_THREAD_REPLIES - 1; i++)
      comment(talk.id, visitor(), rng.pick(words.userPraise), question.id);
    comment(talk.id, -c.id, rng.pick(words.communityAnswers), question.id);
    comment(talk.id, visitor(), rng.pick(words.userPraise), null, end + 12 * HOUR);
    talk.comments = LONG_THREAD_REPLIES + 2;
  }
  return { posts, comments };
}

function makePost(
  rng: Rng,
  c: WorldCommunity,
  p: WallParams,
  day: number,
  perMonth: number,
  key: number,
): Draft {
  const date = day + rng.int(5 * HOUR, 16 * HOUR);
  const attachments: Partial<Record<AttachmentKind, number>> = {};
  const isRepost = rng.chance(p.repostShare);
  const has = (perPeriod: number, periodMonths = 1) =>
    rng.chance(Math.min(0.9, perPeriod / periodMonths / perMonth));
  if (!isRepost) {
    if (has(p.pollsPerMonth)) attachments.poll = 1;
    if (has(p.clipsPerMonth)) attachments.clip = 1;
    else if (has(p.livesPerQuarter, 3)) attachments.live = 1;
    else if (has(p.videosPerMonth)) attachments.video = 1;
    if (rng.chance(p.photoShare)) attachments.photo = rng.int(1, 10);
    if (rng.chance(0.03)) attachments.doc = 1;
    if (rng.chance(0.05)) attachments.link = 1;
    if (rng.chance(0.01)) attachments.audio = rng.int(1, 3);
    if (rng.chance(0.004)) attachments.podcast = 1;
  }
  const views = Math.max(3, Math.round(c.members_count * p.viewsPerMember * rng.logNormal(1, 0.5)));
  const likes = Math.round(views * rng.logNormal(0.05, 0.5));
  return {
    key,
    date,
    text: isRepost ? '' : postText(rng, c, p),
    attachments,
    likes,
    reposts: Math.round(likes * rng.next() * 0.1),
    views,
    is_pinned: false,
    marked_as_ads: rng.chance(p.adsShare),
    copy_of: isRepost ? { owner_id: MINISTRY_OWNER_ID, id: rng.int(1000, 99999) } : null,
    comments_closed: p.commentsClosed,
  };
}

function postText(rng: Rng, c: WorldCommunity, p: WallParams): string {
  const rubric = rng.pick(words.rubrics);
  const parts = [`${rng.pick(rubric.texts)} ${rng.pick(words.eventPhrases)}.`];
  parts.push('Благодарим всех участников и педагогов за подготовку!');
  if (rng.chance(p.personalDataShare)) {
    const girl = rng.chance(0.5);
    const name = girl ? rng.pick(words.firstNamesGirl) : rng.pick(words.firstNamesBoy);
    const surname = `${rng.pick(words.surnames)}${girl ? 'а' : ''}`;
    parts.push(
      `Особенно отличился ученик ${rng.int(1, 11)}${rng.pick(['А', 'Б', 'В'])} класса ${surname} ${name}.`,
    );
    if (rng.chance(0.5))
      parts.push(
        `Телефон мамы для связи: 8 9${rng.int(10, 99)} ${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(10, 99)}.`,
      );
  }
  if (rng.chance(p.rubricShare)) parts.push(`#${rubric.tag}${c.screen_name ? `@${c.screen_name}` : ''}`);
  if (rng.chance(0.02)) return parts.join(' ').toUpperCase();
  return parts.join(' ');
}

function makeComments(rng: Rng, c: WorldCommunity, p: WallParams, post: Draft, end: number): CommentDraft[] {
  const out: CommentDraft[] = [];
  const n = rng.poisson(p.commentsPerPost * Math.min(3, Math.sqrt(post.views / 300)));
  for (let i = 0; i < n; i++) {
    const date = post.date + Math.round(rng.logNormal(3 * HOUR, 1));
    if (date >= end) continue;
    const isQuestion = rng.chance(p.questionShare);
    const text = isQuestion
      ? rng.pick(words.userQuestions)
      : rng.chance(p.obscenityShare)
        ? rng.pick(words.obsceneComments)
        : rng.chance(0.005)
          ? rng.pick(words.spamComments)
          : rng.pick(words.userPraise);
    const key = out.length;
    out.push({
      postKey: post.key,
      from_id: rng.int(1_000_000, 900_000_000),
      date,
      text,
      replyTo: null,
      deleted: rng.chance(0.02),
    });
    if (isQuestion && rng.chance(p.answerRate)) {
      const answeredAt = date + Math.round(rng.logNormal(p.answerHoursMedian * HOUR, 0.8));
      if (answeredAt < end)
        out.push({
          postKey: post.key,
          from_id: -c.id,
          date: answeredAt,
          text: rng.pick(words.communityAnswers),
          replyTo: key,
          deleted: false,
        });
    }
  }
  return out;
}

/** Posts and comments share one id sequence per wall, in time order, as VK numbers a wall's items. */
function assignIds(drafts: Draft[], comments: CommentDraft[]): Wall {
  type Item = { date: number; post?: Draft; comment?: CommentDraft; index: number };
  const items: Item[] = [
    ...drafts.map((post, index) => ({ date: post.date, post, index })),
    ...comments.map((comment, index) => ({ date: comment.date, comment, index: drafts.length + index })),
  ];
  items.sort((a, b) => a.date - b.date || a.index - b.index);
  const postIds = new Map<number, number>();
  const commentIds = new Map<CommentDraft, number>();
  items.forEach((item, i) => {
    if (item.post) postIds.set(item.post.key, i + 1);
    else if (item.comment) commentIds.set(item.comment, i + 1);
  });
  // `replyTo` is the index of the question among the same post's drafts.
  const byPost = new Map<number, CommentDraft[]>();
  for (const c of comments) {
    const list = byPost.get(c.postKey);
    if (list) list.push(c);
    else byPost.set(c.postKey, [c]);
  }
  const worldComments: WorldComment[] = [];
  const counts = new Map<number, number>();
  for (const [postKey, list] of byPost) {
    for (const c of list) {
      const question = c.replyTo === null ? undefined : list[c.replyTo];
      const replyId = question ? (commentIds.get(question) ?? null) : null;
      worldComments.push({
        id: commentIds.get(c) ?? 0,
        post_id: postIds.get(postKey) ?? 0,
        from_id: c.from_id,
        date: c.date,
        text: c.deleted ? '' : c.text,
        reply_to_comment: replyId,
        thread_root: replyId,
        deleted: c.deleted,
      });
      if (!c.deleted) counts.set(postKey, (counts.get(postKey) ?? 0) + 1);
    }
  }
  worldComments.sort((a, b) => a.id - b.id);
  const posts: WorldPost[] = drafts.map(({ key, ...post }) => ({
    ...post,
    id: postIds.get(key) ?? 0,
    comments: counts.get(key) ?? 0,
  }));
  return { posts, comments: worldComments };
}
