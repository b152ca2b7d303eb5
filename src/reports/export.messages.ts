// Codes the exports write as words in the reader's language: a Russian spreadsheet says "Школа", "Активная",
// "действует", not school, active, active. A code without a word here is written as it is.
import type { Lang } from '../platform/i18n.ts';

const terms: Record<string, Record<string, { ru: string; en: string }>> = {
  kind: {
    school: { ru: 'Школа', en: 'School' },
    kindergarten: { ru: 'Детский сад', en: 'Kindergarten' },
    college: { ru: 'Колледж', en: 'College' },
    additional: { ru: 'Доп. образование', en: 'Extra-curricular' },
  },
  level: {
    flagship: { ru: 'Флагман', en: 'Flagship' },
    active: { ru: 'Активная', en: 'Active' },
    business_card: { ru: 'Визитка', en: 'Business card' },
    basic: { ru: 'Требует доработки', en: 'Needs work' },
    inactive: { ru: 'Неактивная', en: 'Inactive' },
  },
  pageStatus: {
    unknown: { ru: 'не проверена', en: 'not checked' },
    active: { ru: 'действует', en: 'active' },
    closed: { ru: 'закрыта', en: 'closed' },
    deleted: { ru: 'удалена', en: 'deleted' },
    banned: { ru: 'заблокирована', en: 'banned' },
  },
};

export function term(group: 'kind' | 'level' | 'pageStatus', code: string | null, lang: Lang): string | null {
  if (code === null) return null;
  return terms[group]?.[code]?.[lang] ?? code;
}
