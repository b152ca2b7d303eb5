// Drafts to start from, written after the methodology's advice: a weekly digest, an event announcement, an
// achievement, a parents' poll, a live broadcast's announcement and a short clip, in Russian and English.
// Square brackets mark what the admin fills in.
import type { DraftKind } from '../platform/db-schema.ts';
import type { Lang } from '../platform/i18n.ts';

type Text = { ru: string; en: string };

export type Template = {
  id: string;
  kind: DraftKind;
  title: Text;
  text: Text;
  rubric: Text;
  poll?: { question: Text; options: Text[] };
};

export const TEMPLATES: Template[] = [
  {
    id: 'weekly-digest',
    kind: 'text',
    title: { ru: 'Итоги недели', en: 'Weekly digest' },
    text: {
      ru: 'Итоги недели в нашей школе:\n— [событие 1]\n— [событие 2]\n— [событие 3]\nСпасибо ребятам и педагогам! Фото — в карусели.',
      en: 'Our week at school:\n— [event 1]\n— [event 2]\n— [event 3]\nThank you, pupils and teachers! Photos in the carousel.',
    },
    rubric: { ru: 'итоги_недели', en: 'week_in_review' },
  },
  {
    id: 'event-announcement',
    kind: 'text',
    title: { ru: 'Анонс события', en: 'Event announcement' },
    text: {
      ru: '[Дата, время] — [событие]. Где: [место]. Кого ждём: [участники]. Вопросы задавайте в комментариях — ответим в течение рабочего дня.',
      en: '[Date, time] — [event]. Where: [place]. Who: [participants]. Ask your questions in the comments: we answer within a working day.',
    },
    rubric: { ru: 'анонс', en: 'announcement' },
  },
  {
    id: 'achievement',
    kind: 'text',
    title: { ru: 'Наши достижения', en: 'Our achievement' },
    text: {
      ru: 'Поздравляем [команду / класс] с [достижением]! Благодарим [педагогов] за подготовку. (Без фамилий и данных детей: только с согласия родителей.)',
      en: "Congratulations to [team / class] on [achievement]! Thanks to [teachers] for the preparation. (No surnames or data of children: only with the parents' consent.)",
    },
    rubric: { ru: 'наши_достижения', en: 'our_achievements' },
  },
  {
    id: 'parents-poll',
    kind: 'poll',
    title: { ru: 'Опрос для родителей', en: "Parents' poll" },
    text: {
      ru: 'Уважаемые родители! Нам важно ваше мнение: [о чём опрос]. Голосование открыто до [дата].',
      en: 'Dear parents, your opinion matters to us: [what the poll is about]. Voting is open until [date].',
    },
    rubric: { ru: 'опрос', en: 'poll' },
    poll: {
      question: { ru: '[Вопрос родителям]', en: '[Question for parents]' },
      options: [
        { ru: 'Да', en: 'Yes' },
        { ru: 'Нет', en: 'No' },
        { ru: 'Затрудняюсь ответить', en: 'Not sure' },
      ],
    },
  },
  {
    id: 'live-announcement',
    kind: 'live',
    title: { ru: 'Прямой эфир', en: 'Live broadcast' },
    text: {
      ru: 'Прямой эфир с [кем] — [дата, время]. Тема: [тема]. Задавайте вопросы заранее в комментариях.',
      en: 'Live with [whom] — [date, time]. Topic: [topic]. Send your questions in advance in the comments.',
    },
    rubric: { ru: 'прямой_эфир', en: 'live' },
  },
  {
    id: 'short-clip',
    kind: 'clip',
    title: { ru: 'Клип: один день из жизни школы', en: 'Clip: a day at school' },
    text: {
      ru: '[Короткое описание клипа: 1–2 предложения]',
      en: '[A short description of the clip: 1–2 sentences]',
    },
    rubric: { ru: 'жизнь_школы', en: 'school_life' },
  },
];

export function templatesIn(lang: Lang) {
  return TEMPLATES.map((t) => ({
    id: t.id,
    kind: t.kind,
    title: t.title[lang],
    text: t.text[lang],
    rubric: t.rubric[lang],
    poll: t.poll
      ? { question: t.poll.question[lang], options: t.poll.options.map((o) => o[lang]), multiple: false }
      : undefined,
  }));
}
