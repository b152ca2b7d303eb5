// What the card says of a rule whose input is unknown: which fact is missing and how to supply it.
import { type FactSource, formatDay, type Unknown } from '../methodology/index.ts';
import type { Lang } from '../platform/i18n.ts';

const FACTS: Record<string, { ru: string; en: string }> = {
  state_mark: { ru: 'отметка «Госорганизация»', en: 'the state organisation mark' },
  avatar: { ru: 'аватар', en: 'the avatar' },
  cover: { ru: 'обложка', en: 'the cover' },
  is_closed: { ru: 'тип сообщества (открытое или закрытое)', en: 'whether the community is open' },
  wall: { ru: 'настройки стены и комментариев', en: 'the wall and comment settings' },
  widgets: { ru: 'виджеты ПОС', en: 'the feedback (POS) widgets' },
  gospubliki_connected: { ru: 'подключение к «Госпабликам»', en: 'the Gospubliki connection' },
  site_backlink: {
    ru: 'ссылка на страницу на официальном сайте',
    en: "the page's link on the official website",
  },
  two_factor: {
    ru: 'двухфакторная аутентификация администраторов',
    en: "the admins' two-factor authentication",
  },
};

const SUPPLY = {
  collect: {
    ru: 'собрать страницу заново (ВКонтакте не передал поле)',
    en: 'collect the page again (VK did not send the field)',
  },
  export: { ru: 'загрузить выгрузку «Госпабликов» региона', en: "import the region's Gospubliki export" },
  manual: {
    ru: 'записать ручную проверку (кто, когда, подтверждение)',
    en: 'record a manual check (who, when, evidence)',
  },
} as const;

export function unknownText(u: Unknown, lang: Lang): string {
  const fact = FACTS[u.fact]?.[lang] ?? u.fact;
  // "A, B или C": the ways as one list, "or" before the last only.
  const ways = u.supply.map((s) => SUPPLY[s][lang]);
  const last = ways.pop();
  const how = [ways.join(', '), last].filter(Boolean).join(lang === 'ru' ? ' или ' : ' or ');
  return lang === 'ru'
    ? `Неизвестно: ${fact}. Как узнать: ${how}.`
    : `Unknown: ${fact}. To supply it: ${how}.`;
}

const SOURCES = {
  manual: { ru: 'ручная проверка', en: 'manual check' },
  export: { ru: 'выгрузка «Госпабликов»', en: 'Gospubliki export' },
  'vk-menu': { ru: 'меню сообщества ВКонтакте', en: "the community's VK menu" },
} as const;

/** An export's evidence is stored as "<file>, row <n>": the row is said in the reader's language. */
function evidenceText(s: FactSource, lang: Lang): string | undefined {
  const row = s.source === 'export' ? /^(.*), row (\d+)$/.exec(s.evidence ?? '') : null;
  if (!row) return s.evidence;
  return `${row[1]}, ${lang === 'ru' ? 'строка' : 'row'} ${row[2]}`;
}

/** "Источник: ручная проверка, 20 ноября 2026 г., operator@…, https://…/screen.png". */
export function sourceText(s: FactSource, lang: Lang): string {
  const date = formatDay(new Date(s.at * 1000).toISOString().slice(0, 10), lang);
  const parts = [SOURCES[s.source][lang], date, s.by, evidenceText(s, lang)].filter(Boolean);
  return `${lang === 'ru' ? 'Источник' : 'Source'}: ${parts.join(', ')}`;
}
