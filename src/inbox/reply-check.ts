// The reply checker: before a reply is sent, flags what a regional reviewer would send back for rework (criteria
// in reply-criteria.ts) and proposes a concrete fix. Warns; never blocks. Transparent patterns, measured on
// test/fixtures/reply-checks.ndjson.
import { findProfanity } from '../methodology/index.ts';
import { REPLY_CRITERIA_VERSION, type ReplyCriterionId } from './reply-criteria.ts';
import { PERSONAL_EXTRA } from './safety-extra.ts';

export type ReplyIssue = {
  criterion: ReplyCriterionId;
  /** The words that triggered it, when there are some. */
  span: { start: number; end: number; text: string } | null;
  fix: { ru: string; en: string };
};

export type ReplyCheck = { version: string; issues: ReplyIssue[] };

const rx = (source: string) => new RegExp(`(?<![\\p{L}])(?:${source})(?![\\p{L}])`, 'iu');

const MONTHS = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const MONTHS_IN = 'январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре';
const WEEKDAYS_ACC = 'понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье';
const WEEKDAYS_GEN = 'понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья';

const DEADLINE = rx(
  [
    `\\d{1,2}\\s*(?:[–-]\\s*\\d{1,2}\\s*)?(?:${MONTHS})`,
    '\\d{1,2}\\.\\d{1,2}(?:\\.\\d{2,4})?',
    '\\d{1,2}[:.]\\d{2}',
    `до\\s+(?:${WEEKDAYS_GEN}|конца\\s+\\p{L}+|\\d)`,
    `(?:в|во|с|к|на)\\s+(?:${WEEKDAYS_ACC}|${WEEKDAYS_GEN})`,
    `в\\s+(?:${MONTHS_IN})`,
    'в\\s+течение\\s+\\p{L}+(?:\\s+\\p{L}+)?\\s+(?:дн|дня|дней|час|недел|рабоч)\\p{L}*',
    'в\\s+течение\\s+(?:дня|недели|месяца|рабочего\\s+дня)',
    'сегодня|завтра|послезавтра|с\\s+завтрашнего\\s+дня|в\\s+тот\\s+же\\s+день',
    'на\\s+(?:этой|следующей)\\s+неделе|к\\s+концу\\s+\\p{L}+|через\\s+\\d',
    'не\\s+позднее|ежедневно|каждое\\s+утро|кажд\\p{L}+\\s+(?:день|пятницу|понедельник|неделю)',
    'на\\s+(?:зимних|весенних|летних|осенних)\\s+каникулах|за\\s+день\\s+до',
    'по\\s+(?:вторникам|средам|четвергам|пятницам|понедельникам|будням)',
  ].join('|'),
);

const CONTACT = rx(
  [
    '(?:\\+7|8)[\\s(-]*\\d{3,5}[\\s)-]*\\d',
    '[\\w.+-]+@[\\w-]+\\.[\\w.]+',
    '[a-z0-9-]+\\.(?:ru|рф|com|org)(?:/\\S*)?',
    'кабинет\\p{L}*\\s*№?\\s*\\d+|каб\\.\\s*\\d+',
    'ул\\.|улица|проспект|д\\.\\s*\\d',
    'с\\s+\\d{1,2}(?::\\d{2})?\\s+до\\s+\\d{1,2}|пн\\s*[–-]\\s*(?:пт|чт|сб)',
    'сферум\\p{L}*|личн\\p{L}+\\s+сообщени\\p{L}+|сообщени\\p{L}+\\s+сообщества|в\\s+личку',
    'на\\s+вахте|на\\s+сайте',
  ].join('|'),
);

// The parent's next step, or ours with a channel: "позвоните", "приходите", "напишите нам".
const NEXT_STEP = rx(
  'позвоните|приходите|напишите|заполните|принесите|подойдите|заберите|оставьте|запишитесь|загляните|подайте|посмотрите|сообщите',
);

const PROMISE = rx(
  [
    'проверим|поговорим|заменим|починим|отремонтируем|разбер[её]мся|сделаем|рассмотрим|учт[её]м|передадим|свяжемся',
    'уточним|попросим|поставим|установим|пересмотрим|обсудим|организуем|закупим|откроем|выдадим|посмотрим|примем',
    'решим|верн[её]м|перезвоним|выясним|подключим|убер[её]м|почистим|сообщим|ответим|напишем|исправим|провед[её]м',
    'будут?\\s+(?:приняты|рассмотрен\\p{L}*|решен\\p{L}*|учтены)|решается|запланирован\\p{L}*|ждём|ждем|как\\s+только|позже',
    'будет(?!\\s+(?:готов|в\\s))|принимаются|прорабатывается|проверяется',
  ].join('|'),
);

// Boilerplate that says nothing about the question.
const BOILERPLATE = [
  /(?:ваше\s+)?(?:обращение|сообщение|комментарий|вопрос|мнение|информация)\s+(?:\p{L}+\s+)?(?:принят\p{L}*|зарегистрирован\p{L}*|рассмотрен\p{L}*|получен\p{L}*|передан\p{L}*|направлен\p{L}*|перенаправлен\p{L}*|учтен\p{L}*|учтён\p{L}*|доведен\p{L}*|проверяется|прорабатывается|решается|важн\p{L}*)/giu,
  /(?:находится\s+)?на\s+контроле(?:\s+администрации)?|(?:взят|принят\p{L}*|направлен\p{L}*)\s+в\s+работу|в\s+работе/giu,
  /(?:проводится|ведётся|ведется)\s+работа|работа\s+(?:в\s+данном\s+направлении\s+)?(?:ведётся|ведется|проводится)|по\s+вашему\s+вопросу\s+проведена\s+работа|работаем\s+над\s+(?:её|ее)\s+решением/giu,
  /меры\s+(?:будут\s+)?(?:приняты|принимаются)|прин\p{L}+\s+к\s+сведению|до(?:ведена|водим)\s+до\s+(?:вашего\s+)?сведения(?:\s+\p{L}+){0,3}/giu,
  /в\s+установленном\s+порядке|в\s+соответствии\s+с\s+(?:действующим\s+законодательством|регламентом)|по\s+компетенции/giu,
  /(?:спасибо|благодарим)(?:\s+(?:вас|за\s+(?:ваше?|ваш)?\s*(?:обращение|обратную\s+связь|бдительность|сигнал|внимание(?:\s+к\s+жизни\s+школы)?|комментарий|активную\s+гражданскую\s+позицию)))?/giu,
  /мы\s+(?:вас\s+услышали|знаем\s+о\s+проблеме|ценим\s+каждого\s+родителя|обязательно\s+учт[её]м\s+ваши\s+пожелания)|администрация\s+(?:школы\s+)?(?:в\s+курсе\s+ситуации|делает\s+вс[её]\s+возможное|благодарит\s+вас)/giu,
  /ожидайте\s+ответа|все\s+замечания\s+будут\s+учтены(?:\s+в\s+дальнейшей\s+работе)?|ответственн\p{L}*\s+(?:лиц\p{L}*|сотрудник\p{L}*|исполнител\p{L}*)(?:\s+проинформирован\p{L}*)?/giu,
  /здравствуйте|добрый\s+(?:день|вечер)|доброе\s+утро|уважаем\p{L}+(?:\s+[А-ЯЁ]\p{L}+)?|родител\p{L}*/giu,
];
const FILLER = new Set(
  'и в на по за с о об что мы вы вас нам ваш ваше ваша ваши наш это к для от до из у же ещё все всё данному вопросу вопрос существу информация школы администрации администрация ситуации проблема проблеме сообщает что будут будет ок принято получено директору рассмотрено меры учтено ближайшем совещании в дальнейшей работе очень важно для нас'.split(
    ' ',
  ),
);

const REDIRECT = rx(
  [
    'обратитесь|обращайтесь|обратиться|свяжитесь|спросите\\s+у|уточните\\s+у|записывайтесь',
    'пишите\\s+(?:в|им|на|туда)|вам\\s+(?:нужно\\s+)?(?:к|в)(?=\\s)|это\\s+(?:к|вопрос\\s+к|не\\s+к)(?=\\s)|не\\s+к\\s+нам|за\\s+справкой\\s+—',
    'с\\s+этим\\s+вопросом\\s+вам|перенаправлен\\p{L}*|вышестоящ\\p{L}*|не\\s+в\\s+компетенции|к\\s+(?:завхозу|завучу|поликлинике)',
    'по\\s+(?:вопросам|поводу)\\s+[\\p{L}\\s]{2,30}?\\s+—\\s+(?:в|к)(?=\\s)|—\\s+к\\s+\\p{L}+',
  ].join('|'),
);

const RUDE = rx(
  [
    'надо\\s+было\\s+(?:читать|смотреть|думать|слушать)|читать\\s+умеете|вы\\s+(?:вообще|что)[,\\s]+(?:не\\s+)?(?:читаете|понимаете)',
    'не\\s+ваше\\s+дело|ваши\\s+проблемы|сами\\s+виноваты|не\\s+нравится|переводитесь|воспитывайте|мамочка|успокойтесь',
    'не\\s+пишите\\s+(?:сюда\\s+)?(?:глупости|ерунду)|глупости|повторяем\\s+в\\s+последний\\s+раз|заблокируем|хватит\\s+\\p{L}+',
    'нормальные\\s+родители|учите\\s+матчасть|как(?:ой|ая)\\s+вы\\s+нервн\\p{L}+|поменьше\\s+в\\s+интернете|претензии\\s+необоснованны',
    'идиотск\\p{L}+\\s+вопрос|дурацк\\p{L}+\\s+вопрос\\p{L}*|глуп\\p{L}+\\s+вопрос|не\\s+морочьте|без\\s+комментариев|вы\\s+опять|сколько\\s+можно',
    'хулиган|истерить|истерик\\p{L}*|не\\s+обязаны\\s+(?:вам\\s+)?отвечать|невнимательно\\s+слушали|разбирайтесь',
    'заняться\\s+нечем|не\\s+одна\\s+такая\\s+умная|жалуйтесь\\s+куда\\s+хотите|таких\\s+как\\s+вы|идите\\s+в\\s+частную|надоели',
    'мы-то\\s+тут\\s+при\\s+ч[её]м|читайте\\s+выше|ответ\\s+был\\s+дан\\s+ранее',
  ].join('|'),
);
const SHOUT = /(?:\p{Lu}{2,}[\s,.!?]+){2,}\p{Lu}{2,}|!{3,}/u;

const GIVEN = '[А-ЯЁ][а-яё]{2,}';
const SURNAME =
  '[А-ЯЁ][а-яё]+(?:(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|ом|ых)?|(?:ск|цк)(?:ий|ая|ого|ой|ому|ую)|ко|ук|юк|ян)';
const PATRONYMIC = '\\s+[А-ЯЁ][а-яё]+(?:вна|вич|вне|вичу|вны|вича|ична|ичне|ичны)';
const CHILD_NAME = new RegExp(
  `(?:${GIVEN}\\s${SURNAME}|${SURNAME}\\s${GIVEN})(?!${PATRONYMIC})(?![а-яё])`,
  'gu',
);
const CHILD_CONTEXT =
  /\d{1,2}\s?[«"]?[А-ЯЁ](?![а-яё])|\d\s*класс|г\.\s*р\.|учёт|учет|диагноз|эпилепси|инвалид|операци|невролог|психиатр|аллерги|ВИЧ|КДН|многодетн|двойк|драк|оценк|ученик|ученица/u;
const SURNAME_CLASS = /[А-ЯЁ][а-яё]+(?:ов|ев|ин)\p{L}*\s+из\s+\d{1,2}\s?[А-ЯЁ]/u;

function spanOf(m: RegExpExecArray | RegExpMatchArray | null): ReplyIssue['span'] {
  if (!m) return null;
  const start = m.index ?? 0;
  return { start, end: start + m[0].length, text: m[0] };
}

/** Content left once greetings, thanks and boilerplate are taken out: a formal reply has none. */
function contentWords(text: string): string[] {
  let rest = text;
  for (const re of BOILERPLATE) rest = rest.replace(re, ' ');
  return (rest.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length > 2 && !FILLER.has(w));
}

function childData(text: string): ReplyIssue['span'] {
  for (const { re, kind } of PERSONAL_EXTRA) {
    if (!['document', 'address', 'credentials', 'card', 'account', 'health', 'child_name'].includes(kind))
      continue;
    // A street and house of the school or an office is a contact, not a child's address.
    if (kind === 'address' && !/кв\.|квартира|прожива/iu.test(text)) continue;
    const m = re.exec(text);
    if (m) return spanOf(m);
  }
  for (const m of text.matchAll(CHILD_NAME)) {
    const start = m.index ?? 0;
    const around = text.slice(Math.max(0, start - 40), start + m[0].length + 60);
    if (CHILD_CONTEXT.test(around)) return spanOf(m);
  }
  return spanOf(SURNAME_CLASS.exec(text));
}

export type CheckOptions = {
  /** The date to propose as a deadline in each language ("до 5 декабря", "by 5 December"), already computed in
   * the page's working calendar. */
  proposedDate?: { ru: string; en: string };
};

export function checkReply(text: string, options: CheckOptions = {}): ReplyCheck {
  const issues: ReplyIssue[] = [];
  const date = options.proposedDate ?? { ru: '…', en: '…' };
  const hasDigits = /\d/.test(text);
  const deadline = DEADLINE.test(text);
  const contact = CONTACT.test(text);
  const content = contentWords(text);
  const formal = !hasDigits && !contact && content.length < 2;
  if (formal)
    issues.push({
      criterion: 'formal',
      span: null,
      fix: {
        ru: `Ответьте по существу: что именно проверено или сделано, кем и когда. Например: «Проверили …; с ${date.ru} …».`,
        en: `Answer the question itself: what was checked or done, by whom and when. E.g. "We checked …; from ${date.en} …".`,
      },
    });
  const promise = text.match(PROMISE);
  const nextStep = NEXT_STEP.test(text);
  const idle = !hasDigits && !contact && !nextStep && !deadline;
  if (formal || (promise && !deadline) || (idle && RUDE.test(text)))
    issues.push({
      criterion: 'no_deadline',
      span: spanOf(promise),
      fix: {
        ru: `Назовите срок и следующий шаг: «Сообщим результат до ${date.ru}» или «Позвоните …, мы …».`,
        en: `Give a deadline and the next step: "We will report back by ${date.en}" or "Call …, we will …".`,
      },
    });
  const redirect = text.match(REDIRECT);
  if (redirect && !contact)
    issues.push({
      criterion: 'redirect_no_contact',
      span: spanOf(redirect),
      fix: {
        ru: 'Дайте контакт: телефон, почту, адрес или часы приёма («…: +7 …, пн–пт 9:00–17:00»), или передайте обращение сами и назовите срок ответа.',
        en: 'Give a contact: phone, e-mail, address or office hours ("…: +7 …, Mon–Fri 9:00–17:00"), or forward the message yourselves and say when the answer comes.',
      },
    });
  const rude =
    text.match(RUDE) ??
    text.match(SHOUT) ??
    findProfanity(text).map((m) => Object.assign([m.text], { index: m.start }))[0];
  if (rude)
    issues.push({
      criterion: 'rude',
      span: spanOf(rude as RegExpMatchArray),
      fix: {
        ru: `Уберите «${(rude as RegExpMatchArray)[0]}»: без упрёков и крика. Начните с благодарности или извинения и ответьте по существу.`,
        en: `Remove "${(rude as RegExpMatchArray)[0]}": no blame, no shouting. Start with thanks or an apology and answer the question.`,
      },
    });
  const child = childData(text);
  if (child)
    issues.push({
      criterion: 'child_data',
      span: child,
      fix: {
        ru: `Уберите «${child.text}» из публичного ответа: пишите «ваш ребёнок», подробности — в личных сообщениях.`,
        en: `Remove "${child.text}" from the public reply: say "your child" and give details in private messages.`,
      },
    });
  return { version: REPLY_CRITERIA_VERSION, issues };
}
