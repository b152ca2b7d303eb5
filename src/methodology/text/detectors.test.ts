import { describe, expect, it } from 'vitest';
import { findPersonalData } from './personal-data.ts';
import { findProfanity } from './profanity.ts';

describe('findProfanity', () => {
  it.each([
    ['Да вы там все дебилы', 'дебилы'],
    ['Опять эта х*рня с расписанием', 'х*рня'],
    ['Что за xyйня', 'xyйня'],
    ['Директор — идиот, бл*дь', 'идиот'],
    ['заебали уже', 'заебали'],
    // Letters spaced apart are read as one word (the inbox's detector, now the audit's too).
    ['Х У Й', 'Х У Й'],
  ])('finds the word in %s', (text, word) => {
    const found = findProfanity(text);
    if (word === null) expect(found).toEqual([]);
    else expect(found[0]?.text).toBe(word);
  });

  it('names the span in the original text', () => {
    const [match] = findProfanity('Ну и xyйня!');
    expect(match).toMatchObject({ start: 5, end: 10, text: 'xyйня', kind: 'obscenity' });
  });

  it("reads VK's section hashtag (#tag@community) as its tag, not as a word with a hidden letter", () => {
    expect(findProfanity('#новости@sosh_8_ekaterinburg #родителям@d_s_2_skazka')).toEqual([]);
    expect(findProfanity('Итоги #хуйня@sosh_8')).toMatchObject([
      { kind: 'obscenity', start: 7, text: 'хуйня' },
    ]);
  });

  it.each([
    'Спасибо себе и тебе',
    'Небо, хлеб, учеба, учебник',
    'Оскорблять нельзя',
    'Сукно и мандарин',
    'Употребление сахара',
    'Команда выступила хуже, чем в прошлом году',
    'Страхуйтесь от несчастных случаев',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(findProfanity(text)).toEqual([]);
  });
});

describe('findPersonalData', () => {
  it("finds mobile phones, e-mails and a child's full name with a class, naming the span", () => {
    const text = 'Петров Иван, 7А класс, победил! Мама: +7 (912) 345-67-89, mama@mail.ru';
    const kinds = findPersonalData(text).map((m) => m.kind);
    expect(kinds).toEqual(['child_name', 'phone', 'email']);
    expect(findPersonalData('ученица 5 «Б» класса Смирнова Анна')[0]?.kind).toBe('child_name');
  });

  it("leaves a first name with a class, and the school's landline, alone", () => {
    expect(findPersonalData('Анна из 5Б класса победила').map((m) => m.kind)).toEqual([]);
    expect(findPersonalData('Звоните: 8 (347) 222-33-44').map((m) => m.kind)).toEqual([]);
  });
});
