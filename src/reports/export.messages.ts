// Codes the exports write as words in the reader's language: a Russian spreadsheet says "Школа", "Активная",
// "действует", not school, active, active. Levels are titled by their methodology version. A code without a
// word here is written as it is.
import { listVersionIds, shippedVersion } from '../methodology/index.ts';
import type { Lang } from '../platform/i18n.ts';

const terms: Record<string, Record<string, { ru: string; en: string }>> = {
  kind: {
    school: { ru: 'Школа', en: 'School' },
    kindergarten: { ru: 'Детский сад', en: 'Kindergarten' },
    college: { ru: 'Колледж', en: 'College' },
    additional: { ru: 'Доп. образование', en: 'Extra-curricular' },
  },
  pageStatus: {
    unknown: { ru: 'не проверена', en: 'not checked' },
    active: { ru: 'действует', en: 'active' },
    closed: { ru: 'закрыта', en: 'closed' },
    deleted: { ru: 'удалена', en: 'deleted' },
    banned: { ru: 'заблокирована', en: 'banned' },
  },
};

/** Level titles of every shipped version (a level id names one level across versions). */
let levelTitles: Map<string, { ru: string; en: string }> | undefined;
function levelTitle(code: string): { ru: string; en: string } | undefined {
  levelTitles ??= new Map(
    listVersionIds().flatMap((id) => shippedVersion(id).levels.map((l) => [l.id, l.title] as const)),
  );
  return levelTitles.get(code);
}

export function term(group: 'kind' | 'level' | 'pageStatus', code: string | null, lang: Lang): string | null {
  if (code === null) return null;
  if (group === 'level') return levelTitle(code)?.[lang] ?? code;
  return terms[group]?.[code]?.[lang] ?? code;
}
