// Obscenity and insults in comments written by anyone: undoes the usual disguises (look-alike Latin letters and
// digits, symbols standing for letters, letters spaced or dotted apart, stretched letters) and then matches
// Russian stems with their prefixes and endings. Words that merely contain a stem (употреблять, застрахуйте,
// гребля, сукно, мандарины, рубля…) are kept apart by anchoring every stem to the word and its known prefixes.
import {
  ANY_WORD,
  INSULT_PHRASES,
  INSULT_WORDS,
  OBSCENE_INSULTS,
  OBSCENE_WORDS,
} from './profanity-lexicon.ts';

export type ProfanityKind = 'obscenity' | 'insult';
export type ProfanityMatch = { kind: ProfanityKind; start: number; end: number; text: string };

// Look-alikes inside a Cyrillic word (or a spaced-out run): Latin letters and digits people type instead.
const LATIN: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  d: 'д',
  e: 'е',
  h: 'н',
  i: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'п',
  o: 'о',
  p: 'р',
  r: 'г',
  s: 'с',
  t: 'т',
  u: 'и',
  x: 'х',
  y: 'у',
  z: 'з',
  ё: 'е',
};
const DIGIT: Record<string, string> = { '0': 'о', '1': 'и', '3': 'з', '4': 'ч', '6': 'б' };
/** Symbols that stand for one letter or hide several: "п@здец", "нах*р", "х…я", "п!здец". */
const MASK = '*…!#%?$@';
const LETTER = /\p{L}/u;
const CYRILLIC = /[а-яё]/;
/** Letters a hidden part of a swear word is made of; fills for masks are drawn from these. */
const FILL = 'аеиоуыяюйзджлбтнхьс';

type Token = { start: number; end: number; raw: string };

/** Punctuation a token sheds at its start, and at its end. */
const LEADING = '.-_!?#%';
const TRAILING = '.-_!?#%$@';

/** Whether a code point is a letter (\\p{L}): ASCII and Russian letters without a regular expression. */
function isLetterCode(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if ((cp >= 0x410 && cp <= 0x44f) || cp === 0x401 || cp === 0x451) return true;
  return LETTER.test(String.fromCodePoint(cp));
}

/** The symbols a token may hold besides letters and digits (masks and inner separators). */
const TOKEN_SYMBOLS = new Set([...'*…!#%?$@.-_'].map((c) => c.codePointAt(0) as number));

/** Whether a code point belongs to a token: what `[\\p{L}\\d*…!#%?$@.\\-_]` matches. */
function isTokenCode(cp: number): boolean {
  return (cp >= 48 && cp <= 57) || TOKEN_SYMBOLS.has(cp) || isLetterCode(cp);
}

/**
 * Raw tokens: runs of letters, digits, masks and inner separators; trailing separators and "!?" dropped. A
 * scan over code points (the runs `[\\p{L}\\d*…!#%?$@.\\-_]+` matches, without a match object per run): the
 * audit tokenises every post and comment.
 */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let cp = text.codePointAt(i) as number;
    if (!isTokenCode(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const begin = i;
    while (i < n) {
      cp = text.codePointAt(i) as number;
      if (!isTokenCode(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    token(begin, text.slice(begin, i), out);
  }
  return out;
}

/** One run of token characters found at `index`: shed of the sentence's punctuation, kept if it has a letter. */
function token(index: number, run: string, out: Token[]): void {
  let whole = run;
  // VK's hashtag of a community section ("#новости@sosh_8"): the tag is the word, the address is not a mask.
  const tag =
    whole.charCodeAt(0) === 35 && whole.includes('@') ? /^#([\p{L}\d_]+)@[\w.]+$/u.exec(whole) : null;
  if (tag) whole = `#${tag[1]}`;
  // Leading/trailing punctuation belongs to the sentence, not the word ("Пиздец!!!", "бл*дь.").
  let from = 0;
  let to = whole.length;
  while (from < to && LEADING.includes(whole[from] as string)) from++;
  while (to > from && TRAILING.includes(whole[to - 1] as string)) to--;
  const raw = from === 0 && to === whole.length ? whole : whole.slice(from, to);
  if (!LETTER.test(raw)) return;
  const start = index + from;
  out.push({ start, end: start + raw.length, raw });
}

/** Lower-cases and folds look-alikes; digits and Latin only inside a word that is Cyrillic already. */
function fold(raw: string, forceCyrillic: boolean): string {
  const lower = raw.toLowerCase().replace(/ё/g, 'е');
  const letters = [...lower].filter((c) => LETTER.test(c)).length;
  const cyr = forceCyrillic || CYRILLIC.test(lower);
  let out = '';
  for (const ch of lower) {
    if (cyr && LATIN[ch]) out += LATIN[ch];
    else if (cyr && letters >= 2 && DIGIT[ch]) out += DIGIT[ch];
    else out += ch;
  }
  return out;
}

/**
 * One letter for a stretched run ("бляяяять" → "блять"); stems are written without double letters. A loop
 * over code points rather than `replace(/(\p{L})\1+/gu, '$1')`: the same result, and the audit calls it for
 * every word of every post and comment, where the regular expression took most of the audit's time.
 */
function squeeze(s: string): string {
  let out = '';
  let prev = '';
  let changed = false;
  for (const ch of s) {
    if (ch === prev && LETTER.test(ch)) {
      changed = true;
      continue;
    }
    out += ch;
    prev = ch;
  }
  return changed ? out : s;
}

/**
 * Spellings a folded word may stand for, likeliest first: "@"/"$" as а/с, then as inserted junk, then as a
 * hidden letter; separators removed, then the word split at them; mask runs ("*", "…", "...") become "*".
 */
function spellings(folded: string): string[] {
  const masked = folded.replace(/\.{2,}/g, '…');
  const out = new Set<string>();
  const variants = [masked.replace(/@/g, 'а').replace(/\$/g, 'с'), masked.replace(/[@$]/g, ''), masked];
  for (const v of variants) {
    out.add(v.replace(/[.\-_]/g, ''));
    if (/[.\-_]/.test(v)) for (const part of v.split(/[.\-_]+/)) if (part.length >= 2) out.add(part);
  }
  return [...out].map((s) => squeeze(s.replace(MASK_RUN, '*'))).filter(Boolean);
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

/** A run of mask symbols, built once (it was compiled for every spelling of every word). */
const MASK_RUN = new RegExp(`[${escapeClass(MASK)}]+`, 'g');

// Each distinct token is folded and spelled out once: comments repeat their words far more than they vary.
const formsOfToken = new Map<string, string[]>();

function formsOf(raw: string): string[] {
  const known = formsOfToken.get(raw);
  if (known) return known;
  const forms = spellings(fold(raw, false));
  if (formsOfToken.size >= MAX_CACHED) formsOfToken.clear();
  formsOfToken.set(raw, forms);
  return forms;
}

// Each distinct word is judged once: a page's comments share most of their vocabulary.
const verdicts = new Map<string, ProfanityKind[]>();
const MAX_CACHED = 100_000;

function judgeWord(word: string): ProfanityKind[] {
  const known = verdicts.get(word);
  if (known) return known;
  const kinds = word.includes('*') ? judgeMasked(word) : judgePlain(word);
  if (verdicts.size >= MAX_CACHED) verdicts.clear();
  verdicts.set(word, kinds);
  return kinds;
}

function judgePlain(word: string): ProfanityKind[] {
  const kinds: ProfanityKind[] = [];
  if (OBSCENE_WORDS.test(word)) kinds.push('obscenity');
  if (OBSCENE_INSULTS.test(word) || INSULT_WORDS.test(word)) kinds.push('insult');
  return kinds;
}

/**
 * A word with hidden letters is a swear word when a short filling of its masks makes one; the shortest such
 * filling decides the kinds ("Долбо*бы" → долбоебы: obscenity and insult; "х*ета" → хуета: obscenity only).
 */
function judgeMasked(word: string): ProfanityKind[] {
  const parts = word.split('*');
  const holes = parts.length - 1;
  const letters = parts.join('').length;
  if (holes > 3 || letters < 2 || !CYRILLIC.test(word)) return [];
  // A mask hides at least one letter each.
  const fills = fillsUpTo(holes === 1 ? 3 : holes === 2 ? 2 : 1).filter(Boolean);
  // Mat first: people hide swear words, so a filling that makes one is the likeliest reading. One walk over
  // the fillings (shortest first) serves both readings: the first obscene filling decides at once; otherwise
  // the first insulting one does, as a second walk looking for insults alone would have found.
  let insult: ProfanityKind[] | null = null;
  for (let total = holes; total <= 3 * holes; total++) {
    let found: ProfanityKind[] = [];
    const walk = (i: number, acc: string, used: number): boolean => {
      if (i === holes) {
        if (used !== total) return false;
        const candidate = squeeze(acc + parts[i]);
        if (!ANY_WORD.test(candidate)) return false;
        if (OBSCENE_WORDS.test(candidate)) {
          found = judgePlain(candidate);
          return true;
        }
        if (insult === null && (OBSCENE_INSULTS.test(candidate) || INSULT_WORDS.test(candidate)))
          insult = judgePlain(candidate);
        return false;
      }
      // Fillings come shortest first, and every later mask needs a letter: past the first that cannot fit, none can.
      const room = total - used - (holes - i - 1);
      for (const f of fills) {
        if (f.length > room) break;
        if (walk(i + 1, acc + parts[i] + f, used + f.length)) return true;
      }
      return false;
    };
    if (walk(0, '', 0)) return found;
  }
  return insult ?? [];
}

const fillCache = new Map<number, string[]>();
function fillsUpTo(n: number): string[] {
  const cached = fillCache.get(n);
  if (cached) return cached;
  let level = [''];
  const all = [''];
  for (let i = 0; i < n; i++) {
    level = level.flatMap((p) => [...FILL].map((c) => p + c));
    all.push(...level);
  }
  fillCache.set(n, all);
  return all;
}

type Word = { start: number; end: number; forms: string[]; spaced: boolean; original: string };

/** Words of the text, with runs of single spaced-out letters ("х у й", "Д е б и л ы") merged into one. */
function words(text: string): Word[] {
  const toks = tokens(text);
  const out: Word[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    let j = i;
    while (
      j + 1 < toks.length &&
      isLetter(toks[j + 1] as Token) &&
      /^[\s,]*$/.test(gap(text, toks[j], toks[j + 1]))
    )
      j++;
    if (isLetter(t) && j - i >= 2) {
      const run = toks.slice(i, j + 1);
      const joined = squeeze(run.map((r) => fold(r.raw, true)).join(''));
      out.push({
        start: t.start,
        end: (run.at(-1) as Token).end,
        forms: substrings(joined),
        spaced: true,
        original: text.slice(t.start, (run.at(-1) as Token).end),
      });
      i = j;
      continue;
    }
    out.push({
      start: t.start,
      end: t.end,
      forms: formsOf(t.raw),
      spaced: false,
      original: t.raw,
    });
  }
  return out;
}

/** A token of one letter (one code point, without spreading the string). */
const isLetter = (t: Token) => {
  const cp = t.raw.codePointAt(0) as number;
  return t.raw.length === (cp > 0xffff ? 2 : 1) && isLetterCode(cp);
};
const gap = (text: string, a: Token | undefined, b: Token | undefined) =>
  text.slice(a?.end ?? 0, b?.start ?? 0);

/** A spaced run may carry a neighbouring one-letter word ("и х у й"): its inner pieces are tried too. */
function substrings(s: string): string[] {
  const out = [s];
  for (let a = 0; a <= 2; a++)
    for (let b = 0; b <= 2; b++) if (a + b > 0 && s.length - a - b >= 3) out.push(s.slice(a, s.length - b));
  return out;
}

/** What "туп+ы+е+" needs, in any case: most texts are passed over with this one quick look. */
const TUP = /[тТ][уУ][пП]/;

/** Self-reference is not an insult: "сам дурак", "ну я и дура". */
const SELF = /(?:^|[^\p{L}])(?:сам|сама|я\s+и|я\s+же)\s*$/iu;

export function findProfanity(text: string): ProfanityMatch[] {
  const out: ProfanityMatch[] = [];
  const ws = words(text);
  for (const w of ws) {
    // The likeliest spelling that says anything decides: a spaced run whole before its trimmed pieces,
    // "д@ура" as "дура" before a mask reading.
    let said: ProfanityKind[] | undefined;
    for (const form of w.forms) {
      const judged = judgeWord(form);
      if (judged.length > 0) {
        said = judged;
        break;
      }
    }
    if (!said) continue;
    const kinds = new Set<ProfanityKind>(said);
    // "Эта сука классная…", "Сука, а не учитель": the swear word aimed at a person.
    if (kinds.has('obscenity') && /^с+[уy]к[аиу]$/iu.test(w.original) && addressed(text, w.start, w.end))
      kinds.add('insult');
    // "Хер Мюллер" is the German title, not the swear word.
    if (kinds.has('obscenity') && /^хер$/i.test(w.original) && /^\s+[A-ZА-ЯЁ]/u.test(text.slice(w.end)))
      kinds.delete('obscenity');
    if (kinds.has('insult') && (quoted(text, w.start, w.end) || SELF.test(text.slice(0, w.start))))
      kinds.delete('insult');
    for (const kind of kinds)
      out.push({ kind, start: w.start, end: w.end, text: text.slice(w.start, w.end) });
  }
  out.push(...phrases(text, ws));
  // "Тупыыые, ну неужели…": the adjective alone, called out at someone.
  if (TUP.test(text))
    for (const m of text.matchAll(/(?<!\p{L})туп+ы+е+(?=\s*[,!])/giu)) {
      const start = m.index ?? 0;
      out.push({ kind: 'insult', start, end: start + m[0].length, text: m[0] });
    }
  return out.sort((a, b) => a.start - b.start);
}

const PHRASE_HINTS = ['туп', 'коза'];

/** Insults made of two words ("тупая корова", "вы все тупые"), matched over the folded words. */
function phrases(text: string, ws: Word[]): ProfanityMatch[] {
  const out: ProfanityMatch[] = [];
  // Every phrase holds a word with "туп" or is "коза драная": a text without either has none.
  if (!ws.some((w) => PHRASE_HINTS.some((h) => (w.forms[0] ?? '').includes(h)))) return out;
  let joined = '';
  const at: { offset: number; word: Word }[] = [];
  for (const w of ws) {
    at.push({ offset: joined.length, word: w });
    joined += `${w.forms[0] ?? ''} `;
  }
  for (const re of INSULT_PHRASES) {
    for (const m of joined.matchAll(re)) {
      const from = at.findLast((a) => a.offset <= (m.index ?? 0))?.word;
      const to = at.findLast((a) => a.offset < (m.index ?? 0) + m[0].trimEnd().length)?.word;
      if (!from || !to || quoted(text, from.start, to.end)) continue;
      out.push({ kind: 'insult', start: from.start, end: to.end, text: text.slice(from.start, to.end) });
    }
  }
  return out;
}

function addressed(text: string, start: number, end: number): boolean {
  return (
    /(?:^|[^\p{L}])(?:эта|эту|этой|ты|такая|какая)\s+$/iu.test(text.slice(0, start)) ||
    /^,?\s+а\s+не\s/iu.test(text.slice(end))
  );
}

/** Reported speech: a word inside «…» or "…" on the same line is quoted, not said. */
function quoted(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  const open = Math.max(before.lastIndexOf('«'), before.lastIndexOf('"'), before.lastIndexOf('“'));
  if (open < 0 || before.slice(open).includes('»') || before.slice(open).includes('”')) return false;
  return /[»"”]/.test(after);
}
