// The school year's dates a school or kindergarten page posts about: holidays of the state and of education,
// the first and the last bell, exams, graduation and the school holidays. Offered as suggestions on the plan.
export type SchoolEvent = {
  /** YYYY-MM-DD (the first day, for a span). */
  date: string;
  /** Days it lasts (holidays span several). */
  days: number;
  title: { ru: string; en: string };
  /** What to post: a template that fits. */
  template: string;
};

type Fixed = [month: number, day: number, days: number, ru: string, en: string, template: string];

const FIXED: Fixed[] = [
  [9, 1, 1, 'День знаний', 'Day of Knowledge (1 September)', 'event-announcement'],
  [9, 27, 1, 'День воспитателя и всех дошкольных работников', "Preschool Teachers' Day", 'achievement'],
  [10, 5, 1, 'День учителя', "Teachers' Day", 'event-announcement'],
  [10, 26, 10, 'Осенние каникулы', 'Autumn holidays', 'weekly-digest'],
  [11, 4, 1, 'День народного единства', 'Day of National Unity', 'event-announcement'],
  [12, 12, 1, 'День Конституции', 'Constitution Day', 'event-announcement'],
  [12, 29, 14, 'Зимние каникулы', 'Winter holidays', 'weekly-digest'],
  [2, 23, 1, 'День защитника Отечества', 'Defender of the Fatherland Day', 'event-announcement'],
  [3, 8, 1, 'Международный женский день', "International Women's Day", 'event-announcement'],
  [3, 23, 9, 'Весенние каникулы', 'Spring holidays', 'weekly-digest'],
  [4, 12, 1, 'День космонавтики', 'Cosmonautics Day', 'event-announcement'],
  [5, 9, 1, 'День Победы', 'Victory Day', 'event-announcement'],
  [5, 25, 1, 'Последний звонок', 'The last bell', 'event-announcement'],
  [5, 26, 25, 'ОГЭ и ЕГЭ', 'State exams (OGE and EGE)', 'parents-poll'],
  [6, 1, 1, 'День защиты детей', "Children's Day", 'event-announcement'],
  [6, 27, 1, 'Выпускной', 'Graduation', 'achievement'],
];

/** Last Sunday of November: Mother's Day. */
function mothersDay(year: number): string {
  const last = new Date(Date.UTC(year, 10, 30));
  last.setUTCDate(30 - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The events whose span meets [from, to] (YYYY-MM-DD, inclusive), in date order. */
export function schoolEvents(from: string, to: string): SchoolEvent[] {
  const out: SchoolEvent[] = [];
  const first = Number(from.slice(0, 4)) - 1;
  const last = Number(to.slice(0, 4));
  for (let year = first; year <= last; year++) {
    for (const [m, d, days, ru, en, template] of FIXED)
      out.push({ date: iso(year, m, d), days, title: { ru, en }, template });
    out.push({
      date: mothersDay(year),
      days: 1,
      title: { ru: 'День матери', en: "Mother's Day" },
      template: 'achievement',
    });
  }
  const end = (e: SchoolEvent) => {
    const d = new Date(`${e.date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + e.days - 1);
    return d.toISOString().slice(0, 10);
  };
  return out
    .filter((e) => e.date <= to && end(e) >= from)
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.ru.localeCompare(b.title.ru));
}

/** Whether a day (YYYY-MM-DD) falls in school holidays, when the methodology allows sparser posting. */
export function inSchoolHolidays(date: string): boolean {
  return schoolEvents(date, date).some((e) => e.days > 1 && e.title.en.includes('holidays'));
}
