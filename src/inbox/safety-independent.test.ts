// Safety flags against 1,023 school-page comments written from situations, apart from the lexicon
// (test/fixtures/safety-independent.ndjson, half of them traps): precision and recall per kind are printed,
// and obscenity and insults must reach recall 0.9 at precision 0.97 (the targets).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SafetyKind, safetyFlags } from './safety.ts';

const KINDS: SafetyKind[] = ['obscenity', 'insult', 'personal_data', 'spam', 'threat'];
const FIXTURE = path.resolve(import.meta.dirname, '../../test/fixtures/safety-independent.ndjson');

type Row = { text: string; kinds: SafetyKind[]; situation: string };
const rows: Row[] = fs
  .readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Partial<Row>)
  .filter((r): r is Row => typeof r.text === 'string');

function score(kind: SafetyKind) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const { text, kinds } of rows) {
    const found = safetyFlags(text).some((f) => f.kind === kind);
    const wanted = kinds.includes(kind);
    if (found && wanted) tp++;
    else if (found) {
      fp++;
      misses.push(`false ${kind}: ${text}`);
    } else if (wanted) {
      fn++;
      misses.push(`missed ${kind}: ${text}`);
    }
  }
  return {
    kind,
    tp,
    fp,
    fn,
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    misses,
  };
}

describe('safety flags on an independent set of comments', () => {
  const scores = KINDS.map(score);
  const by = Object.fromEntries(scores.map((s) => [s.kind, s]));

  it('has at least 1,000 comments, half of them traps', () => {
    expect(rows.length).toBeGreaterThanOrEqual(1000);
    expect(rows.filter((r) => r.kinds.length === 0).length).toBeGreaterThanOrEqual(rows.length / 2);
  });

  it('prints precision and recall per kind; obscenity and insults reach recall 0.9 at precision 0.97', () => {
    console.log(
      [
        `safety flags on ${rows.length} independent comments:`,
        ...scores.map(
          (s) =>
            `  ${s.kind.padEnd(14)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
        ),
        ...scores.flatMap((s) => s.misses.map((m) => `    ${m}`)),
      ].join('\n'),
    );
    for (const kind of ['obscenity', 'insult']) {
      expect(by[kind]?.precision, kind).toBeGreaterThanOrEqual(0.97);
      expect(by[kind]?.recall, kind).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('never flags the words that merely contain a stem', () => {
    const traps = 'употреблять оскорблять застрахуйте гребля сукно мандарины сабля небо скребок рубля'.split(
      ' ',
    );
    for (const word of traps) expect(safetyFlags(`Вопрос: ${word}?`), word).toEqual([]);
  });

  it('undoes the disguises the issue names', () => {
    for (const text of [
      'п@здец',
      'нах*р',
      'х…я',
      'Пиз-дец',
      'х у й',
      'ублюдки',
      'говнюки',
      'тупая корова',
      'долбоящеры',
    ])
      expect(safetyFlags(text).length, text).toBeGreaterThan(0);
  });

  it('names the matched span of every flag', () => {
    for (const { text } of rows)
      for (const flag of safetyFlags(text)) expect(text.slice(flag.start, flag.end)).toBe(flag.text);
  });
});
