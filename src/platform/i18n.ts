// User-visible text in Russian (default) and English. Each feature keeps its own catalog beside its code.
export type Lang = 'ru' | 'en';
export const LANGS: readonly Lang[] = ['ru', 'en'];

export type Catalog = Record<string, { ru: string; en: string }>;
export type Params = Record<string, string | number>;
export type Translate<C extends Catalog> = (key: keyof C & string, params?: Params) => string;

// Identifiers, codes and years are printed as they are; every other number as its reader writes it.
const VERBATIM = /(id|Id|run|year|Year|code|Code|port|Port|version)$/;
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  // 'min2': four-digit numbers stay whole ("2026", "1457" — as Russian typography and English alike allow),
  // longer ones are grouped: "78 291" / "78,291"; decimals with the reader's mark: "63,8" / "63.8".
  ru: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2, useGrouping: 'min2' }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, useGrouping: 'min2' }),
};

/** A number in a sentence, in the reader's language. */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

export function translator<C extends Catalog>(catalog: C, lang: Lang): Translate<C> {
  return (key, params) => {
    const entry = catalog[key];
    const template = entry ? entry[lang] : key;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => {
      if (!params || !(name in params)) return match;
      const value = params[name];
      return typeof value === 'number' && !VERBATIM.test(name) ? formatNumber(value, lang) : String(value);
    });
  };
}
