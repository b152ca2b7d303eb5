// Topics from the transparent lexicon, in Russian and English: the usual questions land in their topic, a
// question about two things in both, small talk in none.
import { describe, expect, it } from 'vitest';
import { topicsOf } from './topics.ts';

describe('topics of a question', () => {
  it('finds the topic of common Russian questions in any inflection', () => {
    expect(topicsOf('Когда начнётся запись в первый класс?')).toEqual(['admission']);
    expect(topicsOf('Почему в столовой холодный обед?')).toContain('meals');
    expect(topicsOf('Автобус опять опоздал на 20 минут')).toEqual(['transport']);
    expect(topicsOf('Где посмотреть расписание звонков?')).toEqual(['timetable']);
    expect(topicsOf('Какие кружки есть для 3 класса?')).toEqual(['clubs']);
    expect(topicsOf('Как получить справку об обучении?')).toEqual(['documents']);
    expect(topicsOf('Когда будут результаты ОГЭ?')).toEqual(['exams']);
    expect(topicsOf('Сына избили за школой, где была охрана?')).toEqual(['safety']);
    expect(topicsOf('Крыша протекает над кабинетом')).toEqual(['building']);
    expect(topicsOf('Опять собирают по 2000 рублей на шторы')).toEqual(['fees']);
  });

  it('gives two topics to a question about two things, and none to small talk', () => {
    expect(topicsOf('Оплата питания не прошла, деньги списали')).toEqual(['meals', 'fees']);
    expect(topicsOf('Спасибо за праздник!')).toEqual([]);
  });

  it('reads English with its own lexicon', () => {
    expect(topicsOf('When does the school bus leave?')).toEqual(['transport']);
    expect(topicsOf('Is there a vegetarian lunch menu?')).toEqual(['meals']);
    expect(topicsOf('Thank you!')).toEqual([]);
  });
});
