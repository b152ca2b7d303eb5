// Personal data that must not be published about children: phone numbers, e-mails, and a child's full name
// next to a class ("Иванов Артём, 5Б класс"). Each finding names its span.
export type PersonalMatch = {
  start: number;
  end: number;
  text: string;
  kind: 'phone' | 'email' | 'child_name';
};

const PHONE = /(?<!\d)(?:\+7|8)[\s(-]*9\d{2}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const SURNAME =
  '[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ий|ой|ая|ова|ева|ёва|ина|ына|ская|ский|цкая|цкий|ко|ук|юк|енко)';
const GIVEN = '[А-ЯЁ][а-яё]{2,}';
const CLASS = '\\d{1,2}\\s?[«"]?[А-ЯA-Z][»"]?\\s?(?:класс[а-я]*|кл\\.)';
const NAME = `${SURNAME}\\s${GIVEN}|${GIVEN}\\s${SURNAME}`;
// Name within a few words of the class, either order.
const CHILD = new RegExp(`(?:(?:${NAME})[^.!?\\n]{0,40}?${CLASS}|${CLASS}[^.!?\\n]{0,40}?(?:${NAME}))`, 'g');

export function findPersonalData(text: string): PersonalMatch[] {
  const out: PersonalMatch[] = [];
  const add = (re: RegExp, kind: PersonalMatch['kind']) => {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, text: m[0], kind });
    }
  };
  // Cheap checks first: most posts have no digits in a row, no "@" and no class.
  if (/\d{2}/.test(text)) add(PHONE, 'phone');
  if (text.includes('@')) add(EMAIL, 'email');
  if (/кл/.test(text) && /\d/.test(text)) add(CHILD, 'child_name');
  return out.sort((a, b) => a.start - b.start);
}
