// Benchmark: the obscenity and insult detector (findProfanity) over 30,000 texts of the demo world (posts and
// comments, each unique text once, then the same texts with a disguised swear word or insult appended and a
// number, so every text differs). Prints the time of a cold pass (empty caches) and of a warm one, the texts
// with a finding, and a hash of every finding, which must not move when only the speed changes.
// Run: npm run bench:profanity (BENCH_TEXTS, default 30000).
import { createHash } from 'node:crypto';
import { findProfanity } from '../src/methodology/text/profanity.ts';
import { generateWorld } from '../src/vk-sim/index.ts';

const N = Number(process.env.BENCH_TEXTS ?? 30_000);
const world = generateWorld({ institutions: 120, regions: 2, seed: 9, asOf: '2026-11-29', days: 60 });
const texts: string[] = [];
const seen = new Set<string>();
const walk = (o: unknown): void => {
  if (typeof o === 'string') {
    if (o.length > 3 && /[а-яё]/i.test(o) && !seen.has(o)) {
      seen.add(o);
      texts.push(o);
    }
  } else if (Array.isArray(o)) for (const x of o) walk(x);
  else if (o && typeof o === 'object') for (const x of Object.values(o)) walk(x);
};
walk(world);
const BAD = [
  'Да вы там все дебилы',
  'Опять эта х*рня с расписанием',
  'Что за xyйня',
  'Директор — идиот, бл*дь',
  'Х У Й',
  'тупая корова',
  'Долбо*бы',
  'п@здец какой-то',
  'сам дурак',
  'Эта сука классная',
  'Хер Мюллер пришёл',
  'Тупыыые, ну неужели',
  'Д е б и л ы',
  'коза драная',
];
const base = texts.slice();
for (let i = 0; texts.length < N; i++) texts.push(`${base[i % base.length]} ${BAD[i % BAD.length]} ${i}`);
texts.length = N;

function pass() {
  const t = performance.now();
  const out = texts.map((x) => findProfanity(x));
  return { ms: Math.round(performance.now() - t), out };
}
const cold = pass();
const warm = pass();
const hash = createHash('sha256').update(JSON.stringify(cold.out)).digest('hex').slice(0, 16);
console.log(
  JSON.stringify({
    texts: N,
    coldMs: cold.ms,
    warmMs: warm.ms,
    withFinding: cold.out.filter((o) => o.length > 0).length,
    findingsHash: hash,
  }),
);
