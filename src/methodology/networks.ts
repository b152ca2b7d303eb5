// Which rules apply on which network. A rule applies on OK and MAX unless it reads a fact only VK gives (the
// Госпаблики export, VK's menu, wall setting, ad mark, clips) or one the network's API does not offer (MAX's Bot
// API has no comments, likes, pinned post, contacts or site). A rule that does not apply is "not applicable"
// with the reason on the card, never a fail. On VK every rule applies.
export type RuleNetwork = 'vk' | 'ok' | 'max';
export type Why = { ru: string; en: string };

const VK_ONLY: Why = {
  ru: 'Правило читает данные, которые есть только во ВКонтакте',
  en: 'The rule reads data only VK gives',
};
const NOT_IN_MAX: Why = {
  ru: 'Bot API MAX не отдаёт эти данные канала',
  en: "MAX's Bot API does not give this channel data",
};

/** Rules that read VK-only facts: Госпаблики, VK's menu widgets, settings, ad marks and content kinds. */
const VK_ONLY_RULES = [
  'feedback-widgets',
  'gospubliki-connected',
  'site-backlink',
  'two-factor',
  'state-mark',
  'comments-open',
  'opening-hours',
  'no-ads',
  'clips',
  'live',
  'topic',
];

/** Rules whose input MAX's Bot API does not give: comments and reactions, the pinned post, contacts, site. */
const NOT_IN_MAX_RULES = [
  'answer-rate',
  'answer-time',
  'discussion',
  'dialogue',
  'er-views',
  'pinned-post',
  'website',
  'contacts',
];

export function ruleOnNetwork(
  ruleId: string,
  network: RuleNetwork,
): { applies: true } | { applies: false; why: Why } {
  if (network === 'vk') return { applies: true };
  if (VK_ONLY_RULES.includes(ruleId)) return { applies: false, why: VK_ONLY };
  if (network === 'max' && NOT_IN_MAX_RULES.includes(ruleId)) return { applies: false, why: NOT_IN_MAX };
  return { applies: true };
}
