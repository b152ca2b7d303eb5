// The reply checker's criteria, written and versioned: what a regional reviewer sends back for rework, in
// Russian with English equivalents, each with its source and the concrete fix the checker proposes.

export type ReplyCriterionId = 'formal' | 'no_deadline' | 'redirect_no_contact' | 'rude' | 'child_data';

export type ReplyCriterion = {
  id: ReplyCriterionId;
  ru: string;
  en: string;
  /** What the reviewer looks for. */
  ruRule: string;
  enRule: string;
  sources: string[];
};

export const REPLY_CRITERIA_VERSION = '2026.1';

export const REPLY_CRITERIA: ReplyCriterion[] = [
  {
    id: 'formal',
    ru: 'Формальный ответ (отписка)',
    en: 'Formal reply (a brush-off)',
    ruRule:
      'Ответ не говорит ничего по существу вопроса: только «обращение принято», «на контроле», «информация доведена», «меры будут приняты», благодарность без содержания.',
    enRule:
      'The reply says nothing about the question itself: only "received", "under control", "passed on", "measures will be taken", thanks without content.',
    sources: [
      'Федеральный закон от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан РФ», ст. 5 ч. 1 п. 4, ст. 10 ч. 1 п. 4 (ответ по существу поставленных вопросов)',
      'Практика центров управления регионом (ЦУР): формальный ответ возвращается на доработку',
    ],
  },
  {
    id: 'no_deadline',
    ru: 'Нет срока или следующего шага',
    en: 'No deadline or next step',
    ruRule:
      'Ответ обещает действие или проверку, но не называет срок (дату, день, «в течение N дней»), либо не говорит родителю, что будет дальше и что ему делать.',
    enRule:
      'The reply promises an action or a check but names no deadline (a date, a day, "within N days"), or does not tell the parent what happens next and what to do.',
    sources: [
      'Федеральный закон № 59-ФЗ, ст. 12 (сроки рассмотрения) и ст. 10 ч. 1 п. 2 (меры по восстановлению прав)',
      'Практика ЦУР: в ответе указываются сроки решения и следующий шаг',
    ],
  },
  {
    id: 'redirect_no_contact',
    ru: 'Переадресация без контакта',
    en: 'Sends the parent elsewhere without a contact',
    ruRule:
      'Ответ отправляет родителя в другую организацию или к другому сотруднику, не давая телефона, почты, адреса, ссылки или часов приёма.',
    enRule:
      'The reply sends the parent to another body or person without a phone, e-mail, address, link or office hours.',
    sources: [
      'Федеральный закон № 59-ФЗ, ст. 8 ч. 3 (обращение направляется по компетенции самим органом, с уведомлением гражданина)',
      'Практика ЦУР: «обратитесь в …» без контакта возвращается на доработку',
    ],
  },
  {
    id: 'rude',
    ru: 'Грубый или пренебрежительный тон',
    en: 'Rude or dismissive tone',
    ruRule:
      'Оскорбление, упрёк родителю («сами виноваты», «надо было читать»), пренебрежение («не ваше дело», «это ваши проблемы»), угроза заблокировать, крик (заглавные буквы, «!!!»).',
    enRule:
      'An insult, blaming the parent ("your own fault", "you should have read"), dismissal ("none of your business"), a threat to block, shouting (capitals, "!!!").',
    sources: [
      'Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в РФ», ст. 48 ч. 1 п. 2 (соблюдение норм профессиональной этики)',
      'Практика ЦУР: некорректный тон — основание вернуть ответ',
    ],
  },
  {
    id: 'child_data',
    ru: 'Персональные данные ребёнка',
    en: "A child's personal data",
    ruRule:
      'Ответ в открытом доступе называет ребёнка (имя и фамилию, класс), его здоровье, учёт, оценки, семью, адрес, телефон или документы.',
    enRule:
      'The public reply names a child (name and surname, class), or their health, records, marks, family, address, phone or documents.',
    sources: [
      'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 7 (конфиденциальность), ст. 9 (согласие), ст. 10 (специальные категории: здоровье)',
    ],
  },
];
