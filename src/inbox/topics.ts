// Topics of a question, from a transparent lexicon per language: each topic lists word stems (matched at a word's
// start, so "питани" catches питание, питания, питанию). A question may have several topics, or none ("other").
export type TopicId =
  | 'admission'
  | 'meals'
  | 'timetable'
  | 'transport'
  | 'clubs'
  | 'documents'
  | 'exams'
  | 'safety'
  | 'building'
  | 'fees';

export type TopicLang = 'ru' | 'en';

export const TOPIC_LEXICON: Record<TopicLang, Record<TopicId, string[]>> = {
  ru: {
    admission: [
      'запис',
      'зачисл',
      'поступл',
      'первый класс',
      'первоклассн',
      'перевод',
      'перевест',
      'приём в',
      'прием в',
      'прописк',
      'очеред',
    ],
    meals: [
      'питани',
      'столов',
      'обед',
      'завтрак',
      'меню',
      'буфет',
      'еда',
      'еду',
      'кормят',
      'полдник',
      'пищеблок',
      'повар',
    ],
    timetable: [
      'расписани',
      'урок',
      'звонк',
      'смен',
      'каникул',
      'четверт',
      'перемен',
      'продлёнк',
      'продленк',
    ],
    transport: ['автобус', 'подвоз', 'маршрут', 'остановк', 'водител', 'рейс', 'проезд'],
    clubs: ['кружок', 'кружк', 'секци', 'тренер', 'студи', 'олимпиад', 'экскурси'],
    documents: [
      'справк',
      'документ',
      'заявлени',
      'аттестат',
      'личное дело',
      'снилс',
      'характеристик',
      'приказ',
    ],
    exams: ['егэ', 'огэ', 'впр', 'экзамен', 'апелляц', 'гиа', 'пробник', 'итоговое сочинени', 'собеседовани'],
    safety: ['драк', 'избил', 'буллинг', 'травл', 'охран', 'посторонн', 'вейп', 'курят', 'полици', 'нож'],
    building: [
      'ремонт',
      'крыш',
      'окн',
      'батаре',
      'туалет',
      'крыльц',
      'спортзал',
      'холодно',
      'пандус',
      'освещени',
    ],
    fees: ['сбор', 'собирают', 'деньги', 'рубл', 'оплат', 'фонд', 'платн', 'пожертвовани', 'долг'],
  },
  en: {
    admission: ['enrol', 'admission', 'first grade', 'transfer', 'waiting list', 'register'],
    meals: ['meal', 'lunch', 'breakfast', 'canteen', 'menu', 'food', 'cafeteria'],
    timetable: ['timetable', 'schedule', 'lesson', 'bell', 'holiday', 'term', 'shift', 'after-school'],
    transport: ['bus', 'transport', 'route', 'driver', 'stop'],
    clubs: ['club', 'sport', 'coach', 'olympiad', 'trip', 'studio'],
    documents: ['certificate', 'document', 'application', 'record', 'statement'],
    exams: ['exam', 'test', 'appeal', 'grade'],
    safety: ['fight', 'bully', 'guard', 'stranger', 'police', 'knife', 'vape'],
    building: ['repair', 'roof', 'window', 'heating', 'toilet', 'gym', 'cold', 'ramp', 'light'],
    fees: ['fee', 'money', 'pay', 'fund', 'donation', 'debt', 'charge'],
  },
};

const compiled = new Map<TopicLang, [TopicId, RegExp][]>();
function patterns(lang: TopicLang): [TopicId, RegExp][] {
  const known = compiled.get(lang);
  if (known) return known;
  const list = (Object.entries(TOPIC_LEXICON[lang]) as [TopicId, string[]][]).map(
    ([id, stems]): [TopicId, RegExp] => [
      id,
      new RegExp(
        `(?<!\\p{L})(?:${stems.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
        'iu',
      ),
    ],
  );
  compiled.set(lang, list);
  return list;
}

/** The topics of a text; Russian unless the text has no Cyrillic letters. */
export function topicsOf(text: string, lang?: TopicLang): TopicId[] {
  const l = lang ?? (/[а-яё]/i.test(text) ? 'ru' : 'en');
  const folded = text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  return patterns(l)
    .filter(([, re]) => re.test(folded) || re.test(text))
    .map(([id]) => id);
}
