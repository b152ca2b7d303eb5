// Texts with placeholders: `{name}` takes a rule's value (numbers through Intl: "0,47" in Russian),
// `{param.name}` the version's parameter, `{name|one|few|many}` (ru) or `{name|one|other}` (en) the word form
// Intl.PluralRules picks for that number ("5 постов", "33 дня", "0,47 поста").
import type { Lang } from '../platform/i18n.ts';

export type Placeholder = { name: string; forms: string[] | null; raw: string };

const PLACEHOLDER = /\{([\w.]+)(?:\|([^}]*))?\}/g;

/** Word forms a plural placeholder must give: ru one|few|many, en one|other. */
export const PLURAL_FORMS: Record<Lang, number> = { ru: 3, en: 2 };

export function placeholders(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => ({
    name: m[1] as string,
    forms: m[2] === undefined ? null : m[2].split('|'),
    raw: m[0],
  }));
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();
const pluralRules = new Map<Lang, Intl.PluralRules>();

export function formatNumber(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 2 });
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as its reader writes it: "4 ноября 2026 г.", "4 November 2026" (never "2026-11-04"). */
export function formatDay(isoDay: string, lang: Lang): string {
  const m = ISO_DAY.exec(isoDay);
  if (!m) return isoDay;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toLocaleDateString(
    lang === 'ru' ? 'ru-RU' : 'en-GB',
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  );
}

/** The number a value stands for ("30+" → 30), for choosing a plural. */
function numeric(value: string | number): number | null {
  if (typeof value === 'number') return value;
  const m = /^-?\d+(?:[.,]\d+)?/.exec(value.trim());
  return m ? Number(m[0].replace(',', '.')) : null;
}

export function pluralForm(value: string | number, forms: string[], lang: Lang): string {
  const n = numeric(value);
  if (n === null) return forms.at(-1) ?? '';
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang === 'ru' ? 'ru-RU' : 'en-GB');
    pluralRules.set(lang, rules);
  }
  const category = rules.select(n);
  const [one = '', second = one, third = second] = forms;
  if (lang === 'en') return category === 'one' ? one : second;
  // ru: one (1, 21), few (2–4, 22–24) and "other" (fractions: "0,47 поста") share a form, many (0, 5–20).
  return category === 'one' ? one : category === 'many' ? third : second;
}

/**
 * Fills a template. Unknown names stay as they are, so a test (and lint, before) can find them; `term`
 * translates codes a rule puts in its values (contacts a page lacks).
 */
export function fillTemplate(
  template: string,
  vars: Record<string, string | number>,
  lang: Lang,
  term: (value: string, lang: Lang) => string = (v) => v,
): string {
  return template
    .replace(PLACEHOLDER, (match, name: string, forms: string | undefined) => {
      const value = vars[name];
      if (value === undefined) return match;
      if (forms !== undefined) return pluralForm(value, forms.split('|'), lang);
      if (typeof value === 'number') return formatNumber(value, lang);
      // A day, or a list of days ("2026-11-27, 2026-12-02"), in words; anything else through `term`.
      return /\b\d{4}-\d{2}-\d{2}\b/.test(value)
        ? value.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => formatDay(d, lang))
        : term(value, lang);
    })
    .replace(/\s+([.,;])/g, '$1')
    .trim();
}

/** A version's parameters as template values: `param.perWeek` → 3. */
export function paramVars(params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params))
    if (typeof v === 'number' || typeof v === 'string') out[`param.${k}`] = v;
  return out;
}
