// The demo world's audit under every shipped version: every sentence right in ru and en (no leaked placeholder,
// the right plural, Intl numbers, no title its value contradicts, an unknown's fact in words), every automatic
// rule met and missed by some page, and the golden snapshot of levels, totals and statuses
// (test/golden/demo-audit.<version>.json), which a change that moves it must update in the same commit
// (UPDATE_GOLDEN=1).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { belowTheMedian, type PageRun, runPages, unmetOrUnmissed } from '../../test/audit-truth.ts';
import { freshSqlite, tempDir } from '../../test/db.ts';
import { loadWorld } from '../collect/index.ts';
import {
  listVersionIds,
  loadVersion,
  type MethodologyVersion,
  pluralForm,
  rules,
} from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import { LANGS, type Lang } from '../platform/i18n.ts';
import { generateWorld, worldEnd, writeWorld } from '../vk-sim/index.ts';
import { runAudit } from './audit-run.service.ts';
import type { RuleOutcome } from './evaluate.ts';
import { ruleRecommendation, ruleTitle } from './rule-text.ts';
import { unknownText } from './unknown-text.ts';

const DAY = 86_400;
const world = generateWorld({ institutions: 300, regions: 3, seed: 9, asOf: '2026-11-29', days: 120 });
const end = worldEnd(world.meta);
const GOLDEN = path.resolve(import.meta.dirname, '../../test/golden');

const runs = new Map<string, { version: MethodologyVersion; runId: number; pages: PageRun[] }>();
let db: Db;
let dispose: () => Promise<void>;

async function audit(version: MethodologyVersion): Promise<{ runId: number; pages: PageRun[] }> {
  const period = { start: end - version.defaultPeriodDays * DAY, end };
  const { runId } = await runAudit(db, { version, period, workers: 1 });
  return { runId, pages: await runPages(db, runId) };
}

beforeAll(async () => {
  const dir = tempDir();
  writeWorld(dir, world);
  ({ db, dispose } = await freshSqlite());
  await loadWorld(db, dir);
  for (const id of listVersionIds()) {
    const version = loadVersion(id);
    runs.set(id, { version, ...(await audit(version)) });
  }
}, 300_000);

afterAll(() => dispose?.());

// Words whose form follows a number, nominative ("5 постов") or genitive after a comparison ("не реже 5 постов").
const RU_WORDS = [
  { nominative: ['пост', 'поста', 'постов'], genitive: ['поста', 'постов', 'постов'] },
  { nominative: ['день', 'дня', 'дней'], genitive: ['дня', 'дней', 'дней'] },
  { nominative: ['символ', 'символа', 'символов'], genitive: ['символа', 'символов', 'символов'] },
];
const GENITIVE = /(реже|меньше|дольше|старше|длиннее|короче)\s*$/iu;

/** Problems of one rendered sentence: leaked placeholders, decimal points in Russian, wrong plurals. */
function sentenceProblems(text: string, lang: Lang): string[] {
  const out: string[] = [];
  if (/\{[\w.|]+\}/.test(text)) out.push('leaked placeholder');
  if (lang === 'ru' && /\d\.\d/.test(text)) out.push('decimal point in Russian');
  for (const m of text.matchAll(/(\d+(?:,\d+)?)\s+([а-яё]+)/g)) {
    const [whole, n = '', word = ''] = m;
    const family = RU_WORDS.find((w) => w.nominative.includes(word) || w.genitive.includes(word));
    if (!family) continue;
    const before = text.slice(0, m.index);
    const forms = GENITIVE.test(before) ? family.genitive : family.nominative;
    const expected = pluralForm(n.replace(',', '.'), forms, 'ru');
    if (word !== expected) out.push(`"${whole}" should say "${n} ${expected}"`);
  }
  for (const m of text.matchAll(/\b(\d+(?:\.\d+)?) (posts?|days?|characters?)\b/g)) {
    const plural = Number(m[1]) !== 1;
    if (plural !== (m[2] ?? '').endsWith('s')) out.push(`"${m[0]}" has the wrong plural`);
  }
  return out;
}

/** A title that claims nothing is there ("Нет опросов") while the value says there is some. */
function contradiction(title: string, o: RuleOutcome): string | null {
  if (
    o.status === 'fail' &&
    /^(Нет |No )/.test(title) &&
    o.value !== null &&
    o.value > 0 &&
    o.id !== 'open-page'
  )
    return `"${title}" with value ${o.value}`;
  return null;
}

/** A status its own value contradicts: a pass below the threshold, a miss at or above it. */
function againstThreshold(o: RuleOutcome, params: Record<string, unknown>): string | null {
  const domain = rules.get(o.id)?.value;
  // A gap over school holidays is held to its own, longer bound.
  const t = o.vars.bound ?? (domain?.threshold ? params[domain.threshold] : undefined);
  if (!domain || typeof t !== 'number' || o.value === null || o.status === 'na' || o.status === 'unknown')
    return null;
  const meets = domain.lowerIsBetter ? o.value <= t : o.value >= t;
  return meets === (o.status === 'pass') ? null : `${o.status} with value ${o.value} against ${t}`;
}

describe.each(listVersionIds())('the demo audit under %s', (id) => {
  it('renders every title and recommendation of every rule in ru and en without a wrong word', () => {
    const run = runs.get(id);
    if (!run) throw new Error(id);
    const problems = new Set<string>();
    for (const entry of run.version.rules)
      for (const status of ['pass', 'warn', 'fail', 'na', 'unknown'] as const)
        for (const lang of LANGS)
          for (const p of sentenceProblems(ruleTitle(entry, status, lang), lang))
            problems.add(`${entry.id} ${status} title ${lang}: ${p}`);
    for (const page of run.pages)
      for (const o of page.outcomes) {
        const entry = run.version.rules.find((r) => r.id === o.id);
        if (!entry) continue;
        for (const lang of LANGS) {
          const title = ruleTitle(entry, o.status, lang);
          const c = contradiction(title, o) ?? againstThreshold(o, entry.params);
          if (c) problems.add(`${o.id} ${lang}: ${c}`);
          // An unknown input says which fact, in words (never its code), and how to supply it.
          if (o.unknown) {
            const why = unknownText(o.unknown, lang);
            for (const p of [
              ...sentenceProblems(why, lang),
              ...(/[a-z]+_[a-z]+/.test(why) ? ['a code'] : []),
            ])
              problems.add(`${o.id} ${lang}: ${p} in "${why}"`);
          }
          if (o.status !== 'fail' && o.status !== 'warn') continue;
          const text = ruleRecommendation(entry, o.status, { ...o.vars, idea: '' }, lang);
          for (const p of sentenceProblems(text, lang)) problems.add(`${o.id} ${lang}: ${p} in "${text}"`);
        }
      }
    expect([...problems]).toEqual([]);
  });

  it('has pages that meet and pages that miss every rule it judges automatically', () => {
    const run = runs.get(id);
    if (!run) throw new Error(id);
    expect(unmetOrUnmissed(run.version, run.pages)).toEqual([]);
  });

  it('never says a page is below similar pages when its value is at or above their median', async () => {
    const run = runs.get(id);
    if (!run) throw new Error(id);
    const { below, wrong } = await belowTheMedian(db, run.runId, run.pages);
    expect(below).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('matches the reviewed golden snapshot of levels, totals and statuses', () => {
    const run = runs.get(id);
    if (!run) throw new Error(id);
    const order = run.version.rules.map((r) => r.id);
    const letter = {
      pass: 'p',
      warn: 'w',
      fail: 'f',
      na: 'n',
      unknown: 'u',
      manual: 'm',
      error: 'e',
    } as const;
    const snapshot = {
      version: id,
      rules: order.join(' '),
      levels: Object.fromEntries(
        run.version.levels.map((l) => [l.id, run.pages.filter((p) => p.level === l.id).length]),
      ),
      pages: Object.fromEntries(
        run.pages.map((p) => {
          const byId = new Map(p.outcomes.map((o) => [o.id, o.status]));
          const statuses = order.map((r) => letter[byId.get(r) ?? 'na']).join('');
          return [p.url, `${p.level} ${p.total} ${statuses}`];
        }),
      ),
    };
    const file = path.join(GOLDEN, `demo-audit.${id}.json`);
    if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file))
      fs.writeFileSync(file, `${JSON.stringify(snapshot, null, 1)}\n`);
    expect(snapshot).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
  });
});
