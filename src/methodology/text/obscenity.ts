// Obscenity and insults in Russian: stems with their usual prefixes and endings, matched on folded text where
// "*" may stand for any one letter. Precision over recall: common words that contain a stem are excluded.
import { fold } from './normalise.ts';

export type Match = { start: number; end: number; text: string; kind: 'obscenity' | 'insult' };

// Each entry is a regex source over folded Cyrillic; a letter may also appear as "*" (see withStars).
const OBSCENE = [
  '(?:за|вы|у|от|на|по|пере|раз|до|при|об|недо)?[её]б(?:а|у|и|л|н|ыв|ну|ош|уч)[а-я]*',
  '[её]б',
  'долбо[её]б[а-я]*',
  '(?:на|по|до|от|рас|о|ни)?х[уy][йеёяию][а-я]*',
  '(?:с|рас|от|на|за)?пизд[а-я]*',
  'бл[яе]д[а-я]*',
  'бля(?:ть)?',
  'х[е]рн[а-я]*',
  'муд[ао]к[а-я]*|мудил[а-я]*',
  'пид[оа]р[а-я]*',
  'залуп[а-я]*',
  'гандон[а-я]*',
  'шлюх[а-я]*',
];
const INSULT = [
  'дебил[а-я]*',
  'идиот[а-я]*',
  'урод(?:ы|ов|ина)?',
  'твар[ьи]',
  'сволоч[а-я]*',
  'сук[аиу]',
  'дур[ао]к[а-я]*',
  'дура',
  'придур[ао]к[а-я]*|придурк[а-я]*',
  'дегенерат[а-я]*',
  'кретин[а-я]*',
];

// Whole words that contain a stem but are ordinary Russian.
const HARMLESS = new Set([
  'себе',
  'небо',
  'хлеб',
  'хлеба',
  'ребенок',
  'учеба',
  'учебы',
  'учебу',
  'учебник',
  'тебе',
  'сукно',
  'похуже',
]);

/** Each pattern letter may be written as "*" too: "х*рня", "бл*дь". */
function withStars(source: string): string {
  return source.replace(/([а-яё])(?![^[]*\])/g, '[$1*]').replace(/\[([а-яёa-z]+)\]/g, '[$1*]');
}

const wholeWord = (sources: string[]) => new RegExp(`^(?:${sources.map(withStars).join('|')})$`);
const OBSCENE_WORD = wholeWord(OBSCENE);
const INSULT_WORD = wholeWord(INSULT);
const WORD = /[а-яё*]+/g;

// Words repeat (a page's texts share most of their vocabulary), so each distinct word is judged once.
const verdicts = new Map<string, Match['kind'] | null>();
const MAX_CACHED = 200_000;

function judge(word: string): Match['kind'] | null {
  const known = verdicts.get(word);
  if (known !== undefined) return known;
  const stars = (word.match(/\*/g) ?? []).length;
  let kind: Match['kind'] | null = null;
  if (!HARMLESS.has(word) && stars <= 2 && word.length - stars >= 2) {
    if (OBSCENE_WORD.test(word)) kind = 'obscenity';
    else if (INSULT_WORD.test(word)) kind = 'insult';
  }
  if (verdicts.size >= MAX_CACHED) verdicts.clear();
  verdicts.set(word, kind);
  return kind;
}

export function findObscenity(text: string): Match[] {
  const folded = fold(text);
  const out: Match[] = [];
  for (const m of folded.matchAll(WORD)) {
    const kind = judge(m[0]);
    if (!kind) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, text: text.slice(start, start + m[0].length), kind });
  }
  return out;
}
