// Safety flags on a comment or a post: obscenity and insults (the methodology's lexicon with its morphology and
// look-alike letters), personal data (phones, e-mails, a child's full name with a class), spam and links to
// unknown sites, threats. Each flag names its span. Precision over recall: an operator acts on every flag.
import { findPersonalData, findProfanity } from '../methodology/index.ts';
import { PERSONAL_EXTRA, SPAM_EXTRA, THREAT_EXTRA } from './safety-extra.ts';

export type SafetyKind = 'obscenity' | 'insult' | 'personal_data' | 'spam' | 'threat';
export type SafetyFlag = { kind: SafetyKind; start: number; end: number; text: string; detail: string };

/** Sites an official page may link to without a flag: VK, state services and education domains. */
const TRUSTED_HOSTS = [
  /(^|\.)vk\.(com|ru|me|link)$/,
  /(^|\.)gosuslugi\.ru$/,
  /(^|\.)gov\.ru$/,
  /(^|\.)edu\.ru$/,
  /(^|\.)mos\.ru$/,
  /(^|\.)xn--/, // Cyrillic domains (.рф) of schools and authorities
  /\.рф$/,
  /(^|\.)minobr/,
  /(^|\.)ya\.ru$/,
  /(^|\.)yandex\.ru$/,
  /(^|\.)rutube\.ru$/,
];

const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ru|com|net|org|info|biz|xyz|top|online|site|club|me|io|cc|рф)(?:\/[^\s<>"']*)?/giu;

// Advertising and money offers: whole phrases, so ordinary words about school life do not match.
const SPAM = [
  /заработ(?:ок|ай|ать|аю)\s+(?:от|до|в\s+день|в\s+неделю|без\s+вложений|онлайн|в\s+интернете)/iu,
  /(?:доход|прибыль)\s+(?:от\s+\d|без\s+вложений|в\s+день)/iu,
  /без\s+вложений/iu,
  /(?:онлайн[-\s])?казино|букмекер|ставки\s+на\s+спорт/iu,
  /(?:быстр(?:ый|ые)|выгодн(?:ый|ые))\s+(?:займ|кредит)/iu,
  /накрутк[аиу]\s+(?:подписчиков|лайков)/iu,
  /(?:пиши(?:те)?|обращайтесь)\s+(?:в\s+)?(?:лс|личку|личные\s+сообщения|директ)\s+(?:за|по\s+поводу)\s+(?:заработк|скидк|подробност)/iu,
  /переход(?:и|ите)\s+по\s+ссылке/iu,
  /(?:скидк[аи]|акция)\s+(?:\d+\s*%|до\s+\d+\s*%)/iu,
  /крипт(?:овалют|о\s*бирж)/iu,
];

// Threats of violence: first-person or imperative verbs of harm, or a bomb or attack on the school.
// Word edges for Cyrillic: \b knows only Latin letters.
const w = (source: string) => new RegExp(`(?<!\\p{L})(?:${source})(?!\\p{L})`, 'iu');

// Threats of violence: first-person or imperative verbs of harm, or a bomb or attack on the school.
const THREAT = [
  w('убью|прибью|зарежу|прирежу|застрелю|пристрелю|взорву|подожгу|сожгу|покалечу|урою|задушу'),
  w(
    '(?:убить|взорвать|поджечь|расстрелять|сжечь)\\s+(?:вас|тебя|его|её|ее|их|школу|сад|учител\\p{L}*|директор\\p{L}*|всех)',
  ),
  w('(?:заложил[аи]?|заложу|положил[аи]?)\\s+бомбу'),
  w('бомб[аы]\\s+(?:в|во)\\s+(?:школе|саду|здании)'),
  w('вам\\s+(?:всем\\s+)?(?:конец|не\\s+жить)'),
  w('(?:устрою|будет)\\s+(?:стрельбу|скулшутинг|колумбайн)'),
  w('скулшутинг\\p{L}*'),
];

function trusted(host: string): boolean {
  return TRUSTED_HOSTS.some((re) => re.test(host));
}

function hostOf(link: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(link) ? link : `http://${link}`;
  try {
    return new globalThis.URL(withScheme).hostname.toLowerCase();
  } catch {
    return link.toLowerCase();
  }
}

function matchAll(text: string, patterns: RegExp[], kind: SafetyKind, detail: string): SafetyFlag[] {
  return patterns.flatMap((re) => {
    const m = re.exec(text);
    if (!m) return [];
    const start = m.index;
    return [{ kind, start, end: start + m[0].length, text: m[0], detail }];
  });
}

export function safetyFlags(text: string): SafetyFlag[] {
  const flags: SafetyFlag[] = [
    ...findProfanity(text).map((m) => ({
      kind: m.kind,
      start: m.start,
      end: m.end,
      text: m.text,
      detail: m.kind,
    })),
    ...findPersonalData(text).map((m) => ({
      kind: 'personal_data' as const,
      start: m.start,
      end: m.end,
      text: m.text,
      detail: m.kind,
    })),
    ...PERSONAL_EXTRA.flatMap(({ re, kind }) => matchAll(text, [re], 'personal_data', kind)),
    ...matchAll(text, [...SPAM, ...SPAM_EXTRA], 'spam', 'advert'),
    ...matchAll(text, [...THREAT, ...THREAT_EXTRA], 'threat', 'violence'),
  ];
  for (const m of text.matchAll(URL)) {
    // An e-mail's domain is personal data, not a link.
    if (text[(m.index ?? 0) - 1] === '@') continue;
    const host = hostOf(m[0]);
    if (!trusted(host)) {
      const start = m.index ?? 0;
      flags.push({ kind: 'spam', start, end: start + m[0].length, text: m[0], detail: `link:${host}` });
    }
  }
  return dedupe(flags.sort((a, b) => a.start - b.start || b.end - a.end));
}

/**
 * Whether `safetyFlags(text)` has a spam flag, running only the spam checks: the queue and its metrics ask it of
 * every question, where the obscenity, personal-data and threat checks were most of a region report's time.
 */
export function isSpam(text: string): boolean {
  if (SPAM.some((re) => re.test(text)) || SPAM_EXTRA.some((re) => re.test(text))) return true;
  for (const m of text.matchAll(URL)) {
    if (text[(m.index ?? 0) - 1] === '@') continue;
    if (!trusted(hostOf(m[0]))) return true;
  }
  return false;
}

/** One flag per span and kind: overlapping patterns of the same kind say the same thing once. */
function dedupe(flags: SafetyFlag[]): SafetyFlag[] {
  const out: SafetyFlag[] = [];
  for (const f of flags) {
    const last = out.findLast((o) => o.kind === f.kind);
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}

/** A flag's identity for dismissals: the same span of the same text dismissed once stays dismissed. */
export function flagKey(flag: Pick<SafetyFlag, 'kind' | 'text'>): string {
  return `${flag.kind}:${flag.text.toLowerCase()}`;
}
