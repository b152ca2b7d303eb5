import { describe, expect, it } from 'vitest';
import { comment, ctx, END, page, post, profile } from '../../../test/artifacts.ts';
import childrenData from './children-data.ts';
import noAds from './no-ads.ts';
import noObscenity from './no-obscenity.ts';
import plainLanguage, { readingProblem } from './plain-language.ts';
import twoFactor from './two-factor.ts';

const c = ctx();
const H = 3600;

describe('no-ads', () => {
  it('fails posts marked as ads or selling things, and leaves school campaigns alone', () => {
    expect(noAds.evaluate(page({ posts: [post(2, { isAd: true })] }), {}, c)).toMatchObject({
      status: 'fail',
      value: 1,
    });
    expect(
      noAds.evaluate(page({ posts: [post(2, { text: 'Купить со скидкой 50%! Промокод SCHOOL' })] }), {}, c)
        .status,
    ).toBe('fail');
    expect(
      noAds.evaluate(
        page({ posts: [post(2, { text: 'Акция «Бессмертный полк»: присоединяйтесь!' })] }),
        {},
        c,
      ).status,
    ).toBe('pass');
  });
});

describe('no-obscenity', () => {
  const params = { maxVisibleHours: 24 };
  const p = post(5);
  it('fails obscene own posts', () => {
    expect(
      noObscenity.evaluate(page({ posts: [post(2, { text: 'Да ну нах*й это всё' })] }), params, c).status,
    ).toBe('fail');
  });

  it('fails offensive comments left visible past the limit, not fresh or deleted ones', () => {
    const old = comment(1, p.vkId, END - 30 * H, { text: 'Директор — идиот' });
    const fresh = comment(2, p.vkId, END - 3 * H, { text: 'Вы дебилы' });
    const deleted = comment(3, p.vkId, END - 50 * H, { text: 'бл*дь', isDeleted: true });
    expect(
      noObscenity.evaluate(page({ posts: [p], comments: [old, fresh, deleted] }), params, c),
    ).toMatchObject({
      status: 'fail',
      value: 1,
      vars: { posts: 0, comments: 1 },
    });
    expect(noObscenity.evaluate(page({ posts: [p], comments: [fresh, deleted] }), params, c).status).toBe(
      'pass',
    );
  });

  it('passes ordinary school text', () => {
    const text = 'Себе и детям: хлеб, небо, учеба и учебник. Употреблять тебе в пользу!';
    expect(noObscenity.evaluate(page({ posts: [post(2, { text })] }), params, c).status).toBe('pass');
  });
});

describe('children-data', () => {
  it("fails a child's full name with a class and a mobile phone, passes a first name with a class", () => {
    const named = post(2, { text: 'Поздравляем! Иванова Мария, 5Б класс, заняла первое место.' });
    expect(childrenData.evaluate(page({ posts: [named] }), {}, c)).toMatchObject({
      status: 'fail',
      value: 1,
    });
    const phone = post(2, { text: 'Телефон мамы: 8 912 345-67-89' });
    expect(childrenData.evaluate(page({ posts: [phone] }), {}, c).status).toBe('fail');
    const safe = post(2, {
      text: 'Мария из 5Б класса заняла первое место. Звоните в школу: 8 (347) 222-33-44.',
    });
    expect(childrenData.evaluate(page({ posts: [safe] }), {}, c).status).toBe('pass');
  });

  it("tells a contact phone from a child's data", () => {
    const contact = post(2, { text: 'Открыта запись в кружки, запись по телефону 8 912 345-67-89.' });
    expect(childrenData.evaluate(page({ posts: [contact] }), {}, c).status).toBe('pass');
    const own = post(2, { text: 'Вопросы — 8 912 000-11-22' });
    const withOwn = page({ posts: [own], profile: profile({ phone: '+7 912 000-11-22' }) });
    expect(childrenData.evaluate(withOwn, {}, c).status).toBe('pass');
    const child = post(2, { text: 'Ученик 5Б потерял телефон, звоните маме по телефону 8 912 345-67-89' });
    expect(childrenData.evaluate(page({ posts: [child] }), {}, c).status).toBe('fail');
  });
});

describe('two-factor', () => {
  it('is unknown until a person records the check, then judged with its source', () => {
    expect(twoFactor.evaluate(page(), {}, c)).toMatchObject({
      status: 'unknown',
      unknown: { supply: ['manual'] },
    });
    const source = { source: 'manual' as const, at: 1, by: 'op', evidence: 'screenshot' };
    expect(
      twoFactor.evaluate(page({ external: { twoFactor: true, sources: { twoFactor: source } } }), {}, c),
    ).toMatchObject({
      status: 'pass',
      source,
    });
  });
});

describe('plain-language', () => {
  const params = { maxSentenceWords: 25, maxWordLength: 8, minShare: 0.9 };
  it('finds ALL-CAPS, emoji-only, long-sentence posts', () => {
    expect(readingProblem('ВНИМАНИЕ! ЗАВТРА ВСЕ НА СУББОТНИК В ДЕВЯТЬ УТРА', 25, 8)).toBe('all_caps');
    expect(readingProblem('🎉🎉🎉', 25, 8)).toBe('no_words');
    expect(readingProblem(Array(40).fill('слово').join(' '), 25, 8)).toBe('long_sentences');
    expect(readingProblem('Сегодня прошёл праздник. Спасибо всем!', 25, 8)).toBeNull();
  });

  it('warns when too few posts read easily', () => {
    const posts = [post(3), post(2, { text: 'ВНИМАНИЕ! ЗАВТРА ВСЕ НА СУББОТНИК В ДЕВЯТЬ УТРА' })];
    expect(plainLanguage.evaluate(page({ posts }), params, c)).toMatchObject({ status: 'warn', value: 0.5 });
    expect(plainLanguage.evaluate(page({ posts: [post(1)] }), params, c).status).toBe('pass');
  });
});
