// Safety flags against 219 Russian comments labelled by hand (test/fixtures/safety-comments.tsv): precision
// and recall per kind are printed; precision must reach 0.95 for obscenity and personal data (the issue's
// target), 0.9 for the others. Every flag names its span exactly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SafetyKind, safetyFlags } from './safety.ts';

const KINDS: SafetyKind[] = ['obscenity', 'insult', 'personal_data', 'spam', 'threat'];
const FIXTURE = path.resolve(import.meta.dirname, '../../test/fixtures/safety-comments.tsv');

const labelled = fs
  .readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line, i) => {
    const [labels, text] = line.split('\t');
    if (!labels || text === undefined) throw new Error(`${FIXTURE}:${i + 3}: expected "labels<TAB>text"`);
    return { text, labels: new Set(labels === '-' ? [] : labels.split(',')) as Set<SafetyKind> };
  });

describe('safety flags on a labelled set of comments', () => {
  const scores = KINDS.map((kind) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const { text, labels } of labelled) {
      const found = safetyFlags(text).some((f) => f.kind === kind);
      const wanted = labels.has(kind);
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
  });

  it('has at least 200 comments, each kind with examples', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(200);
    for (const kind of KINDS)
      expect(labelled.filter((l) => l.labels.has(kind)).length, kind).toBeGreaterThanOrEqual(10);
  });

  it('reaches the precision targets (printed with recall)', () => {
    console.log(
      [
        `safety flags on ${labelled.length} labelled comments:`,
        ...scores.map(
          (s) =>
            `  ${s.kind.padEnd(14)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
        ),
        ...scores.flatMap((s) => s.misses.map((m) => `    ${m}`)),
      ].join('\n'),
    );
    const by = Object.fromEntries(scores.map((s) => [s.kind, s]));
    expect(by.obscenity?.precision).toBeGreaterThanOrEqual(0.95);
    expect(by.personal_data?.precision).toBeGreaterThanOrEqual(0.95);
    for (const kind of ['insult', 'spam', 'threat'])
      expect(by[kind]?.precision, kind).toBeGreaterThanOrEqual(0.9);
    for (const kind of KINDS) expect(by[kind]?.recall, kind).toBeGreaterThanOrEqual(0.7);
  });

  it('names the matched span of every flag', () => {
    for (const { text } of labelled)
      for (const flag of safetyFlags(text)) expect(text.slice(flag.start, flag.end)).toBe(flag.text);
  });

  it('flags links to unknown sites but not to VK, state services or school sites', () => {
    expect(safetyFlags('подробности на win-money.xyz/start').map((f) => [f.kind, f.detail])).toEqual([
      ['spam', 'link:win-money.xyz'],
    ]);
    expect(safetyFlags('запись на vk.com/club1 и gosuslugi.ru, сайт school5.edu.ru')).toEqual([]);
    expect(safetyFlags('пишите на mama@mail.ru').map((f) => f.kind)).toEqual(['personal_data']);
  });
});
