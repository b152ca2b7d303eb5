import { describe, expect, it } from 'vitest';
import { hasControlCharacters, stripControlCharacters } from './controls.ts';

describe('control and direction characters', () => {
  it.each([
    '\u0000',
    '\u0007',
    '\u001b[31m',
    '\u007f',
    '\u0085',
    '\u061c',
    '\u200e',
    '\u200f',
    '\u202a',
    '\u202e',
    '\u2066',
    '\u2069',
  ])('finds %j', (char) => {
    expect(hasControlCharacters(`школа${char}1`)).toBe(true);
    expect(stripControlCharacters(`школа${char}1`)).toBe(char === '\u001b[31m' ? 'школа[31m1' : 'школа1');
  });

  it('leaves letters of every script, tabs and line breaks (folded by importers), and emoji alone', () => {
    const text = 'Школа № 1 — «Ёлка» مدرسة 学校 🎒\tВторая\r\nстрока';
    expect(hasControlCharacters(text)).toBe(false);
    expect(stripControlCharacters(text)).toBe('Школа № 1 — «Ёлка» مدرسة 学校 🎒Втораястрока');
  });
});
