// The content mix a methodology version asks of a page — posts a week, polls, clips and videos a month, a live
// broadcast a quarter, shares with rubrics and with visuals — and, for one draft, which of these it helps.
import type { MethodologyVersion } from '../methodology/index.ts';
import type { DraftKind } from '../platform/db-schema.ts';

export type MixTargets = {
  postsPerWeek: number | null;
  pollsPerMonth: number | null;
  clipsPerMonth: number | null;
  videosPerMonth: number | null;
  livesPerQuarter: number | null;
  rubricShare: number | null;
  visualShare: number | null;
};

export function mixTargets(version: MethodologyVersion): MixTargets {
  const param = (ruleId: string, name: string): number | null => {
    const rule = version.rules.find((r) => r.id === ruleId);
    const value = rule?.params[name];
    return typeof value === 'number' ? value : null;
  };
  return {
    postsPerWeek: param('posting-frequency', 'perWeek'),
    pollsPerMonth: param('polls', 'min'),
    clipsPerMonth: param('clips', 'min'),
    videosPerMonth: param('video', 'min'),
    livesPerQuarter: param('live', 'min'),
    rubricShare: param('rubrics', 'minShare'),
    visualShare: param('visuals', 'minShare'),
  };
}

/** What a page has (posted or planned) in the draft's week, month and quarter, not counting the draft. */
export type Around = {
  week: number;
  month: { polls: number; clips: number; videos: number };
  quarter: { lives: number };
};

export type Help = { ruleId: string; ru: string; en: string };

const ordinalRu = (n: number) => `${n}-й`;
const ordinalEn = (n: number) => (n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`);

/**
 * The methodology rules a draft helps meet, in words: "adds the first poll this month", "the 2nd of 3 posts
 * this week". Only what still counts: a fourth poll of a month helps no rule.
 */
export function draftHelps(
  kind: DraftKind,
  content: { photos?: number[] },
  rubric: string | null,
  around: Around,
  targets: MixTargets,
): Help[] {
  const helps: Help[] = [];
  const short = (have: number, target: number | null) => target !== null && have < target;
  if (short(around.week, targets.postsPerWeek)) {
    const n = around.week + 1;
    helps.push({
      ruleId: 'posting-frequency',
      ru: `${ordinalRu(n)} пост из ${targets.postsPerWeek} на этой неделе`,
      en: `the ${ordinalEn(n)} of ${targets.postsPerWeek} posts this week`,
    });
  }
  const monthly: [DraftKind, 'polls' | 'clips' | 'videos', number | null, string, string, string][] = [
    ['poll', 'polls', targets.pollsPerMonth, 'polls', 'опрос', 'poll'],
    ['clip', 'clips', targets.clipsPerMonth, 'clips', 'клип', 'clip'],
    ['video', 'videos', targets.videosPerMonth, 'video', 'видео', 'video'],
  ];
  for (const [k, key, target, ruleId, ru, en] of monthly) {
    if (kind !== k || !short(around.month[key], target)) continue;
    const have = around.month[key];
    helps.push(
      have === 0
        ? { ruleId, ru: `первый ${ru} в этом месяце`, en: `adds the first ${en} this month` }
        : {
            ruleId,
            ru: `${ru}: ${have + 1} из ${target} в этом месяце`,
            en: `${en}: ${have + 1} of ${target} this month`,
          },
    );
  }
  if (kind === 'live' && short(around.quarter.lives, targets.livesPerQuarter))
    helps.push({ ruleId: 'live', ru: 'прямой эфир этого квартала', en: "this quarter's live broadcast" });
  if (rubric && targets.rubricShare !== null)
    helps.push({ ruleId: 'rubrics', ru: `рубрика #${rubric}`, en: `rubric #${rubric}` });
  if ((content.photos?.length ?? 0) > 0 || kind === 'clip' || kind === 'video' || kind === 'live')
    if (targets.visualShare !== null)
      helps.push({ ruleId: 'visuals', ru: 'пост с фото или видео', en: 'a post with a photo or video' });
  return helps;
}
