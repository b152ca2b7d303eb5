// Patterns the inbox adds to the shared detectors for text written by parents and neighbours: threats in their
// everyday phrasing, the adverts that reach school pages, and personal data beyond mobile phones and e-mails
// (addresses, documents, card and account numbers, a child's name beside a class or a diagnosis).

// Word edges for Cyrillic: \b knows only Latin letters.
const w = (source: string) => new RegExp(`(?<!\\p{L})(?:${source})(?!\\p{L})`, 'iu');
const BODY = '(?:ноги|руки|шею|голову|зубы|уши|морду)';
const HARM = '(?:переломаю|сломаю|сверну|проломлю|выбью|отрежу|оторву|откручу|разобью)';

export const THREAT_EXTRA = [
  w(`${BODY}\\s+${HARM}|${HARM}\\s+(?:ему\\s+|ей\\s+|им\\s+|тебе\\s+|вам\\s+)?${BODY}`),
  w('перестреляю|подкараулю|закопаю|спалю|заминирую|порешу|придушу|прикончу|зарежу|покалечу'),
  w('будет\\s+взрыв|школ[аы]\\s+сгорит(?!\\s+от\\s+стыда)'),
  w('(?:ему|ей|им|тебе|вам)\\s+не\\s+(?:жить|поздоровится)|не\\s+поздоровится'),
  w('кровав\\p{L}*\\s+бан\\p{L}*|устро\\p{L}*\\s+(?:им|вам|ему|тебе)\\s+т[её]мную'),
  w(
    '(?:принесу|приду\\s+с|возьму)\\s+(?:нож\\p{L}*|ружь\\p{L}*|травмат\\p{L}*|пистолет\\p{L}*|ствол\\p{L}*|топор\\p{L}*)',
  ),
  w('убить\\s+бы|я\\s+(?:ему\\s+|ей\\s+)?оторву'),
  w('оглядыва\\p{L}*,?\\s+я\\s+(?:его|её|ее|их|вас|тебя)\\s+найду'),
  w('разговор\\s+будет\\s+коротким|(?:всем\\s+)?вам\\s+(?:всем\\s+)?будет\\s+плохо'),
];

export const SPAM_EXTRA = [
  w('продам|продаю|недорого|купить\\s+(?:диплом|справк\\p{L}*|ответ\\p{L}*)'),
  w('по\\s+ссылке|ссылк[аи]\\s+в\\s+профиле'),
  /(?<!\p{L})(?:звоните|пишите|пиши)(?:\s+в\s+(?:лс|личку))?\s*[!.+]*\s*$/iu,
  /(?<!\p{L})пиши\s*\+/iu,
  w(
    'в\\s+крипт\\p{L}*|голосуйте\\s+за|зарабатывай(?:те)?|подпишись|подпишитесь\\s+на\\s+(?:наш|мой)\\p{L}*|поставь(?:те)?\\s+лайк',
  ),
  /@\w*bot\b/i,
];

const GIVEN = '[А-ЯЁ][а-яё]{2,}';
const SURNAME = '[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ой|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|ко|ук|юк|их|ых)';
const NAME = `(?:${GIVEN}\\s${SURNAME}|${SURNAME}\\s${GIVEN})`;

export const PERSONAL_EXTRA: { re: RegExp; kind: string }[] = [
  { re: /(?<!\d)(?:\+7|8)[\s(-]*\d{3,4}[\s)-]*\d{2,3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/u, kind: 'phone' },
  {
    re: /(?<!\p{L})(?:ул\.|улица|пр\.|проспект|пер\.)\s*[А-ЯЁ]\p{L}+,?\s*(?:д\.|дом)?\s*\d+/u,
    kind: 'address',
  },
  { re: /(?<!\p{L})(?:кв\.|квартира)\s*\d+/iu, kind: 'address' },
  { re: /(?<!\p{L})жив(?:у|ёт|ет|ем|ём|ут)\s+на\s+[А-ЯЁ]\p{L}+\s+\d/u, kind: 'address' },
  { re: /[А-ЯЁ][а-яё]+(?:ая|ой|ий)\s+\d{1,3}-\d{1,3}(?!\d)/u, kind: 'address' },
  { re: /снилс\D{0,20}\d{3}-?\d{3}-?\d{3}\s?\d{2}/iu, kind: 'document' },
  { re: /паспорт\D{0,10}\d{2}\s?\d{2}\s?\d{6}/iu, kind: 'document' },
  { re: /свидетельств\p{L}*\s+о\s+рождении\D{0,20}\d{6}/iu, kind: 'document' },
  { re: /(?<!\p{L})инн\D{0,5}\d{10,12}/iu, kind: 'document' },
  { re: /(?<!\d)(?:\d{4}[\s-]?){3}\d{4}(?!\d)/u, kind: 'card' },
  { re: /(?<!\d)\d{20}(?!\d)/u, kind: 'account' },
  { re: /пароль\s*:?\s*(?=\S*\d)\S{4,}/iu, kind: 'credentials' },
  { re: new RegExp(`${NAME}[^.!?\\n]{0,12}?\\d{1,2}\\s?[«"]?[А-ЯЁA-Z](?![а-яё])`, 'u'), kind: 'child_name' },
  { re: new RegExp(`${NAME}[^.!?\\n]{0,20}?\\d{1,2}\\s*класс`, 'u'), kind: 'child_name' },
  {
    re: new RegExp(`${NAME}[^.!?\\n]{0,30}?(?:\\d{4}\\s*г\\.\\s*р|диагноз|на\\s+учёте|инвалид|ВИЧ)`, 'u'),
    kind: 'health',
  },
  { re: /(?:ребён\p{L}*|ребен\p{L}*)-инвалид\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+/u, kind: 'health' },
];
