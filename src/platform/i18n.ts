// User-visible text in Russian (default) and English. Each feature keeps its own catalog beside its code.
export type Lang = 'ru' | 'en';
export const LANGS: readonly Lang[] = ['ru', 'en'];

export type Catalog = Record<string, { ru: string; en: string }>;
export type Params = Record<string, string | number>;
export type Translate<C extends Catalog> = (key: keyof C & string, params?: Params) => string;

export function translator<C extends Catalog>(catalog: C, lang: Lang): Translate<C> {
  return (key, params) => {
    const entry = catalog[key];
    const template = entry ? entry[lang] : key;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      params && name in params ? String(params[name]) : match,
    );
  };
}
