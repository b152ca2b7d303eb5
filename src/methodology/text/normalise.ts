// Folds text the way people disguise words: Latin look-alike letters, digits for letters, ё, case,
// letters spaced or dotted apart. Used by the safety detectors; spans map back to the original text.

const LOOKALIKE: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
  u: 'и',
  '0': 'о',
  '3': 'з',
  '6': 'б',
  '@': 'а',
  ё: 'е',
};

/** Lower-cases and folds look-alikes, keeping one output character per input character (same offsets). */
export function fold(text: string): string {
  return text.toLowerCase().replace(FOLDABLE, (ch) => LOOKALIKE[ch] ?? ch);
}

const FOLDABLE = /[abcehkmoptxyu036@ё]/g;
