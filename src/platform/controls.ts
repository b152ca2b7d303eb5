// Characters no name may hold: NUL and the other C0/C1 control codes, and the marks that override or isolate
// text direction (a "right-to-left override" makes "gpj.exe" show as "exe.jpg"). Tabs and line breaks are
// allowed by `hasControlCharacters` (importers fold them into spaces first) and removed by the stripping.

/** Code point ranges, inclusive: C0 but tab/LF/CR, DEL and C1, ALM, LRM/RLM, LRE…RLO, LRI…PDI. */
const FORBIDDEN: readonly [number, number][] = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
  [0x061c, 0x061c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];
const LINE = new Set([0x09, 0x0a, 0x0d]);

function forbidden(code: number): boolean {
  for (const [from, to] of FORBIDDEN) if (code >= from && code <= to) return true;
  return false;
}

const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
/** The same ranges as one character class: a regular expression scans a 100,000-row registry's cells fastest. */
const FORBIDDEN_CLASS = new RegExp(`[${FORBIDDEN.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`);

/** Whether the text holds a control or direction character (tabs and line breaks aside). */
export function hasControlCharacters(text: string): boolean {
  return FORBIDDEN_CLASS.test(text);
}

/** The text without control or direction characters, tabs and line breaks too: for names on one line. */
export function stripControlCharacters(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (!forbidden(code) && !LINE.has(code)) out += char;
  }
  return out;
}
