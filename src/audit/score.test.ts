import { describe, expect, it } from 'vitest';
import { loadVersion, type MethodologyVersion } from '../methodology/index.ts';
import { levelOf, logNormalScore, normalCdf, type ScoredRule, scorePage, scoreRule } from './score.ts';

const thresholds = { passScore: 0.9, warnScore: 0.5 };

function version(overrides: Partial<MethodologyVersion> = {}): MethodologyVersion {
  const text = { ru: 'т', en: 't' };
  const rule = (id: string, category: string, weight: number, severity: 'critical' | 'minor' = 'minor') => ({
    id,
    category,
    weight,
    severity,
    effort: 'low' as const,
    source: ['L'],
    params: {},
    title: text,
    failureTitle: text,
    rationale: text,
    help: text,
    recommendation: text,
  });
  return {
    id: 'test',
    status: 'draft',
    title: text,
    defaultPeriodDays: 30,
    scoring: { total: 'weighted-mean', criticalCap: 59, ...thresholds },
    holidays: [],
    factsValidDays: 365,
    levels: [
      { id: 'good', title: text, when: [{ total: { gte: 60 } }] },
      { id: 'rest', title: text, when: [] },
    ],
    categories: [
      { id: 'a', weight: 60, title: text },
      { id: 'b', weight: 40, title: text },
    ],
    rules: [
      rule('a1', 'a', 2),
      rule('a2', 'a', 1),
      { ...rule('b1', 'b', 1), scoring: { type: 'ratio', target: 4 } },
      rule('b2', 'b', 1),
    ],
    ideas: {},
    hash: 'x',
    dir: '.',
    text: { ru: '', en: '' },
    sources: {},
    ...overrides,
  };
}

const scored = (
  id: string,
  status: ScoredRule['status'],
  value: number | null,
  score: number | null,
): ScoredRule => ({
  id,
  status,
  value,
  score,
});

describe('log-normal curve', () => {
  it('gives 0.5 at the median and 0.1 at the 10th percentile, 0.9 as far above the median', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(logNormalScore(0.05, 0.012, 0.05)).toBeCloseTo(0.5, 4);
    expect(logNormalScore(0.012, 0.012, 0.05)).toBeCloseTo(0.1, 4);
    expect(logNormalScore((0.05 * 0.05) / 0.012, 0.012, 0.05)).toBeCloseTo(0.9, 4);
    expect(logNormalScore(0, 0.012, 0.05)).toBe(0);
  });
});

describe('scoreRule', () => {
  it('maps statuses to 1, 0.5, 0 and leaves n/a, unknown and manual out', () => {
    expect(scoreRule({ id: 'x' }, { status: 'unknown', value: null }, thresholds).score).toBeNull();
    expect(scoreRule({ id: 'x' }, { status: 'pass', value: 1 }, thresholds).score).toBe(1);
    expect(scoreRule({ id: 'x' }, { status: 'warn', value: 1 }, thresholds).score).toBe(0.5);
    expect(scoreRule({ id: 'x' }, { status: 'na', value: null }, thresholds).score).toBeNull();
    expect(scoreRule({ id: 'x' }, { status: 'manual', value: null }, thresholds).score).toBeNull();
  });

  it("scores ratios up to the target and keeps the rule's status", () => {
    expect(
      scoreRule(
        { id: 'x', scoring: { type: 'ratio', target: 3 } },
        { status: 'fail', value: 1.5 },
        thresholds,
      ),
    ).toMatchObject({
      status: 'fail',
      score: 0.5,
    });
    expect(
      scoreRule({ id: 'x', scoring: { type: 'ratio', target: 3 } }, { status: 'pass', value: 7 }, thresholds)
        .score,
    ).toBe(1);
  });

  it('takes the status of curves and bands from the score', () => {
    const bands = {
      type: 'bands' as const,
      bands: [
        [0.7, 1],
        [0.5, 0.75],
        [0.3, 0.5],
      ] as [number, number][],
    };
    expect(scoreRule({ id: 'r', scoring: bands }, { status: 'pass', value: 0.8 }, thresholds)).toMatchObject({
      status: 'pass',
      score: 1,
    });
    expect(scoreRule({ id: 'r', scoring: bands }, { status: 'pass', value: 0.55 }, thresholds)).toMatchObject(
      { status: 'warn', score: 0.75 },
    );
    expect(scoreRule({ id: 'r', scoring: bands }, { status: 'pass', value: 0.1 }, thresholds)).toMatchObject({
      status: 'fail',
      score: 0,
    });
    const curve = { type: 'log-normal' as const, p10: 0.012, median: 0.05 };
    expect(scoreRule({ id: 'e', scoring: curve }, { status: 'pass', value: 0.02 }, thresholds).status).toBe(
      'fail',
    );
  });
});

describe('scorePage', () => {
  // By hand: A = (2×1 + 1×0) / 3 = 0.6667; B = 0.75 (b2 is n/a, weight 0); total = 0.6×0.6667 + 0.4×0.75 = 0.7 → 70.
  const results = [
    scored('a1', 'pass', 1, 1),
    scored('a2', 'fail', 0, 0),
    scored('b1', 'fail', 3, 0.75),
    scored('b2', 'na', null, null),
  ];

  it('computes weighted means of rules and categories', () => {
    const page = scorePage(version(), results);
    expect(page.categories).toEqual({ a: 0.6667, b: 0.75 });
    expect(page.total).toBe(70);
    expect(page.level).toBe('good');
  });

  it('caps the total when a critical rule fails', () => {
    const v = version();
    v.rules[1] = { ...(v.rules[1] as MethodologyVersion['rules'][number]), severity: 'critical' };
    const page = scorePage(v, results);
    expect(page).toMatchObject({ total: 59, criticalFailed: ['a2'], level: 'rest' });
  });

  it('adds points in "points" mode, n/a earning nothing', () => {
    const v = version({ scoring: { total: 'points', criticalCap: 100, ...thresholds } });
    expect(scorePage(v, results).total).toBe(2.8); // 2×1 + 1×0 + 1×0.75 + 0 = 2.75, to one decimal
  });

  it('leaves unknown rules out of the denominator in "points" mode, so a page can earn the full scale', () => {
    const v = version({ scoring: { total: 'points', criticalCap: 100, ...thresholds } });
    const all = [
      scored('a1', 'pass', 1, 1),
      scored('a2', 'unknown', null, null),
      scored('b1', 'pass', 3, 1),
      scored('b2', 'pass', 1, 1),
    ];
    // Weights 2 + 1 + 1 + 1 = 5; a2 (weight 1) unknown: 4 of 4 known points earned → 5 of 5.
    expect(scorePage(v, all)).toMatchObject({ total: 5, unknown: ['a2'] });
  });
});

describe('levels of 2023.1', () => {
  const v = loadVersion('2023.1');
  const rules = (entries: [string, ScoredRule['status'], number | null][]) =>
    new Map(entries.map(([id, status, value]) => [id, scored(id, status, value, null)]));
  const base: [string, ScoredRule['status'], number | null][] = [
    ['open-page', 'pass', 1],
    ['last-post', 'pass', 2],
    ['posting-frequency', 'pass', 6],
    ['polls', 'pass', 1],
    ['clips', 'pass', 1],
    ['video', 'warn', 1],
    ['live', 'fail', 0],
  ];
  const input = (total: number, entries = base, identity = 0.9, criticalFailed: string[] = []) => ({
    total,
    categories: { identity },
    criticalFailed,
    rules: rules(entries),
  });

  it('flagship: high total, no critical failure, 5 posts a week, three engagement tools', () => {
    expect(levelOf(v, input(90))).toBe('flagship');
    expect(levelOf(v, input(90, base, 0.9, ['state-mark']))).toBe('active');
    const twoTools = base.map((e): [string, ScoredRule['status'], number | null] =>
      e[0] === 'clips' ? ['clips', 'fail', 0] : e,
    );
    expect(levelOf(v, input(90, twoTools))).toBe('active');
  });

  it('active needs 60 and the posting norm; business card needs the identity; inactive wins over all', () => {
    const slow = base.map((e): [string, ScoredRule['status'], number | null] =>
      e[0] === 'posting-frequency' ? ['posting-frequency', 'fail', 1] : e,
    );
    expect(levelOf(v, input(65, slow))).toBe('business_card');
    expect(levelOf(v, input(65, slow, 0.5))).toBe('basic');
    const silent = base.map((e): [string, ScoredRule['status'], number | null] =>
      e[0] === 'last-post' ? ['last-post', 'fail', 45] : e,
    );
    expect(levelOf(v, input(95, silent))).toBe('inactive');
    const closed = base.map((e): [string, ScoredRule['status'], number | null] =>
      e[0] === 'open-page' ? ['open-page', 'fail', 0] : e,
    );
    expect(levelOf(v, input(95, closed))).toBe('inactive');
  });
});

describe('the worked example of docs/scoring.md', () => {
  it('gives 75.5 before the critical cap, 59 after, and the business card level', () => {
    const v = loadVersion('2023.1');
    const r = (id: string, status: ScoredRule['status'], score: number | null, value: number | null = null) =>
      scored(id, status, value, score);
    const results = [
      r('state-mark', 'pass', 1),
      r('open-page', 'pass', 1),
      r('official-name', 'pass', 1),
      r('avatar', 'pass', 1),
      r('cover', 'fail', 0),
      r('description', 'warn', 0.5),
      r('contacts', 'warn', 0.5),
      r('website', 'pass', 1),
      r('opening-hours', 'fail', 0),
      r('topic', 'pass', 1),
      r('pinned-post', 'warn', 0.5),
      r('feedback-widgets', 'unknown', null),
      r('gospubliki-connected', 'unknown', null),
      r('site-backlink', 'unknown', null),
      r('posting-frequency', 'fail', 0.8, 2.4),
      r('longest-silence', 'pass', 1, 4),
      r('last-post', 'pass', 1, 2),
      r('own-content', 'pass', 1, 0.9),
      r('polls', 'warn', 0.5, 0.5),
      r('clips', 'fail', 0, 0),
      r('video', 'warn', 0.5, 1),
      r('live', 'fail', 0, 0),
      r('visuals', 'pass', 1),
      r('rubrics', 'fail', 0),
      r('er-views', 'warn', 0.5, 0.05),
      r('reach', 'warn', 0.75, 0.55),
      r('discussion', 'warn', 0.5, 0.2),
      r('comments-open', 'pass', 1),
      r('answer-rate', 'fail', 0, 0.8),
      r('answer-time', 'pass', 1, 6),
      r('no-ads', 'pass', 1),
      r('no-obscenity', 'pass', 1),
      r('children-data', 'pass', 1),
      r('two-factor', 'unknown', null),
      r('plain-language', 'pass', 1),
    ];
    const page = scorePage(v, results);
    expect(page.categories).toEqual({
      identity: 0.7946,
      activity: 0.9167,
      content: 0.3824,
      engagement: 0.6,
      dialogue: 0.6429,
      safety: 1,
      accessibility: 1,
    });
    const uncapped = scorePage({ ...v, scoring: { ...v.scoring, criticalCap: 100 } }, results);
    expect(uncapped.total).toBe(75.5);
    expect(page).toMatchObject({ total: 59, criticalFailed: ['posting-frequency'], level: 'business_card' });
  });
});
