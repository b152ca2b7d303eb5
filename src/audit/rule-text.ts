// The sentences a card shows for a rule: one title per status (the warn title for a partial value, never the
// failure title), recommendations with the page's values and the version's parameters filled through Intl, and
// the peer comparison worded from the page's actual percentile. Pure.
import { fillTemplate, paramVars, type RuleEntry, type RuleStatus } from '../methodology/index.ts';
import type { Lang } from '../platform/i18n.ts';

// Codes rules put in their values (the contacts a page lacks), in the reader's language.
const TERMS: Record<string, { ru: string; en: string }> = {
  address: { ru: 'почтовый адрес', en: 'postal address' },
  phone: { ru: 'телефон', en: 'phone' },
  email: { ru: 'e-mail', en: 'e-mail' },
};

function term(value: string, lang: Lang): string {
  return value
    .split(', ')
    .map((part) => TERMS[part]?.[lang] ?? part)
    .join(', ');
}

const PREFIX = {
  unknown: { ru: 'Неизвестно', en: 'Not known' },
  na: { ru: 'Неприменимо', en: 'Not applicable' },
  manual: { ru: 'Проверить вручную', en: 'To check by hand' },
  error: { ru: 'Ошибка проверки', en: 'Check failed' },
} as const;

type TextEntry = Pick<RuleEntry, 'title' | 'failureTitle' | 'warnTitle' | 'params'>;

/**
 * The rule's one positive name, whatever the page's status: what a page that meets it does well ("Есть
 * аватар", "Не реже 5 постов в неделю"), with the version's own thresholds, never the failing wording.
 */
export function ruleName(entry: Pick<RuleEntry, 'title' | 'params'>, lang: Lang): string {
  return fillTemplate(entry.title[lang], paramVars(entry.params), lang);
}

/** The title for a status: what the page is, never a claim its value contradicts. */
export function ruleTitle(entry: TextEntry, status: RuleStatus, lang: Lang): string {
  const vars = paramVars(entry.params);
  const fill = (t: { ru: string; en: string }) => fillTemplate(t[lang], vars, lang);
  if (status === 'pass') return ruleName(entry, lang);
  if (status === 'fail') return fill(entry.failureTitle);
  if (status === 'warn') return fill(entry.warnTitle ?? entry.failureTitle);
  // Not judged: name the requirement and say it was not judged, rather than claim either way.
  return `${PREFIX[status][lang]}: ${ruleName(entry, lang)}`;
}

/** The recommendation for a failed or warned rule, with its values and the version's parameters. */
export function ruleRecommendation(
  entry: Pick<RuleEntry, 'recommendation' | 'warnRecommendation' | 'params'>,
  status: 'fail' | 'warn',
  vars: Record<string, string | number>,
  lang: Lang,
): string {
  const template = (status === 'warn' && entry.warnRecommendation) || entry.recommendation;
  return fillTemplate(template[lang], { ...paramVars(entry.params), ...vars }, lang, term);
}

/** Where the page stands among similar pages, worded from its percentile: "below" only under the median. */
export function peerSentence(percentile: number, lang: Lang): string {
  if (lang === 'ru') {
    if (percentile >= 75) return `Лучше ${percentile} % похожих страниц региона`;
    if (percentile >= 50) return `На уровне похожих страниц региона или выше (${percentile}-й перцентиль)`;
    if (percentile >= 25) return `Ниже медианы похожих страниц региона (${percentile}-й перцентиль)`;
    return `Среди отстающих похожих страниц региона (${percentile}-й перцентиль)`;
  }
  if (percentile >= 75) return `Better than ${percentile}% of similar pages in the region`;
  if (percentile >= 50)
    return `At or above the median of similar pages in the region (percentile ${percentile})`;
  if (percentile >= 25) return `Below the median of similar pages in the region (percentile ${percentile})`;
  return `Among the lowest of similar pages in the region (percentile ${percentile})`;
}
