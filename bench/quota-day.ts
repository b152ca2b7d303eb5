// Benchmark: a national day of collection under VK's real per-token limits, on a simulated clock (a model, no
// HTTP: a day of 70,000 walls at 3 requests/s would take hours of real time).
//
// The world: BENCH_PAGES (70,000) walls. Each has its own rate of posts (log-normal: most schools post a few
// times a week, a few every day, some not for months) and its posts draw comments over the next hours. The
// collector knows each wall only from what it saw: a post rate estimated from its last 90 days (a Poisson
// draw of the true rate, taken at its lower bound) and when it last visited. Every 10 simulated minutes it visits the walls whose chance
// of having changed since its visit is at least BENCH_CONFIDENCE (0.97), the likeliest first, within the day's
// quota spread over the rounds left, 25 `wall.get` to an `execute`, each token at 3 requests/s and 5,000
// `wall.get` a day. A visit that shows new comments fetches them (`wall.getComments`, in the same `execute`s).
// BENCH_DAYS (7) days are simulated, so the collector starts the measured last day from its own earlier visits.
//
// Prints pages visited, calls spent, the share of calls that brought something new (target >= 0.97), how much
// of the day's news was seen, and how many tokens a full daily pass over every wall needs.
// Run: npm run bench:quota-day. Env: BENCH_TOKENS (default 6), BENCH_PAGES, BENCH_DAYS, BENCH_CONFIDENCE.

import { seededRandom } from '../src/platform/seeded-random.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 70_000);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 6);
const DAYS = Number(process.env.BENCH_DAYS ?? 7);
const CONFIDENCE = Number(process.env.BENCH_CONFIDENCE ?? 0.97);
/** VK's limits for a user token. */
const PER_SECOND = 3;
const EXECUTE_CALLS = 25;
const WALL_GET_PER_DAY = 5000;
const DAY = 86_400;
const ROUND = 600;
const HISTORY_DAYS = 90;

const random = seededRandom(24);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
function poisson(mean: number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

type Wall = {
  /** Times of changes a visit sees (a new post, a new comment under a recent post), sorted. */
  changes: Float64Array;
  /** Of those, the comment changes' posts' times (0 for a post), to count comment fetches. */
  isComment: Uint8Array;
  /** The collector's estimate of posts a second (a lower bound). */
  rate: number;
  lastVisit: number;
  /** Index of the first change after lastVisit. */
  seen: number;
};

const horizon = DAYS * DAY;
const walls: Wall[] = [];
for (let i = 0; i < PAGES; i++) {
  // Posts a day: median 0.35 (one every three days), a long tail up to several a day; 10 % nearly dormant.
  const dormant = random() < 0.1;
  const posts = dormant ? 0.01 + random() * 0.03 : Math.min(6, 0.35 * Math.exp(0.9 * normal()));
  const commentsPerPost = dormant ? 0.2 : 1.5 * Math.exp(0.7 * normal());
  const events: [number, number][] = [];
  for (let n = poisson(posts * DAYS), k = 0; k < n; k++) {
    const at = random() * horizon;
    events.push([at, 0]);
    for (let c = poisson(commentsPerPost), j = 0; j < c; j++) {
      const when = at - 6 * 3600 * Math.log(1 - random());
      if (when < horizon) events.push([when, 1]);
    }
  }
  events.sort((a, b) => a[0] - b[0]);
  // Posts seen over the last 90 days (a Poisson draw of the true rate). The collector plans by posts, whose
  // arrivals are independent, not by comments, which come in bursts after a post; and by a lower bound of the
  // rate (one standard deviation under the count), so a wall with a lucky history is not visited too early.
  const observed = poisson(posts * HISTORY_DAYS);
  walls.push({
    changes: Float64Array.from(events.map((e) => e[0])),
    isComment: Uint8Array.from(events.map((e) => e[1])),
    rate: Math.max(0, observed - Math.sqrt(observed)) / HISTORY_DAYS / DAY,
    // Visited at some point of the month before the simulation.
    lastVisit: -random() * 30 * DAY,
    seen: 0,
  });
}

// The chance of at least one change since the last visit is 1 - exp(-rate * elapsed): a wall is due when that
// reaches the confidence, that is when rate * elapsed >= -ln(1 - confidence).
const threshold = -Math.log(1 - CONFIDENCE);

type Tally = {
  visits: number;
  wallGet: number;
  getComments: number;
  requests: number;
  newVisits: number;
  pagesVisited: Set<number>;
  changedPages: Set<number>;
  seenChangedPages: Set<number>;
  busySeconds: number;
};

function day(d: number): Tally {
  const tally: Tally = {
    visits: 0,
    wallGet: 0,
    getComments: 0,
    requests: 0,
    newVisits: 0,
    pagesVisited: new Set(),
    changedPages: new Set(),
    seenChangedPages: new Set(),
    busySeconds: 0,
  };
  const start = d * DAY;
  let quota = TOKENS * WALL_GET_PER_DAY;
  const rounds = DAY / ROUND;
  for (let r = 0; r < rounds; r++) {
    const now = start + r * ROUND;
    // The quota left, spread over the rounds left: late news still finds calls.
    const budget = Math.floor(quota / (rounds - r));
    const due: { i: number; score: number }[] = [];
    for (let i = 0; i < PAGES; i++) {
      const w = walls[i] as Wall;
      const score = w.rate * (now - w.lastVisit);
      if (score >= threshold) due.push({ i, score });
    }
    due.sort((a, b) => b.score - a.score);
    const visits = due.slice(0, budget);
    let calls = 0;
    for (const { i } of visits) {
      const w = walls[i] as Wall;
      let next = w.seen;
      let comments = 0;
      while (next < w.changes.length && (w.changes[next] as number) <= now) {
        if (w.isComment[next]) comments++;
        next++;
      }
      tally.visits++;
      tally.wallGet++;
      tally.pagesVisited.add(i);
      if (next > w.seen) {
        tally.newVisits++;
        tally.seenChangedPages.add(i);
      }
      // New comments are fetched a post at a time; a few posts' worth, never more than the comments.
      const fetches = Math.min(comments, Math.ceil(comments / 4));
      tally.getComments += fetches;
      calls += 1 + fetches;
      w.seen = next;
      w.lastVisit = now;
    }
    quota -= visits.length;
    const requests = Math.ceil(calls / EXECUTE_CALLS);
    tally.requests += requests;
    // Requests of a round spread over the tokens, each at 3 a second: they must fit in the round.
    tally.busySeconds += requests / (PER_SECOND * TOKENS);
  }
  for (let i = 0; i < PAGES; i++) {
    const w = walls[i] as Wall;
    for (const at of w.changes)
      if (at >= start && at < start + DAY) {
        tally.changedPages.add(i);
        break;
      }
  }
  return tally;
}

const started = performance.now();
let last: Tally | undefined;
for (let d = 0; d < DAYS; d++) last = day(d);
const t = last as Tally;
const calls = t.wallGet + t.getComments;
const fmt = (n: number) => n.toLocaleString('en-GB');
console.log(
  `quota day: ${fmt(PAGES)} pages, ${TOKENS} user tokens (${PER_SECOND} requests/s, execute of ${EXECUTE_CALLS}, ${fmt(WALL_GET_PER_DAY)} wall.get a day each); day ${DAYS} of ${DAYS} simulated, visiting walls at >= ${CONFIDENCE} chance of news (${((performance.now() - started) / 1000).toFixed(1)} s of real time)`,
);
console.log(
  `pages visited ${fmt(t.pagesVisited.size)} (${fmt(t.visits)} visits); calls spent ${fmt(calls)} (${fmt(t.wallGet)} wall.get of ${fmt(TOKENS * WALL_GET_PER_DAY)} quota, ${fmt(t.getComments)} wall.getComments) in ${fmt(t.requests)} execute requests, ${(t.busySeconds / 60).toFixed(1)} min of the tokens' time`,
);
console.log(
  `share of calls that brought something new: ${((t.newVisits + t.getComments) / calls).toFixed(3)} (target >= 0.97); of wall.get calls alone ${(t.newVisits / t.wallGet).toFixed(3)}`,
);
console.log(
  `pages with news today ${fmt(t.changedPages.size)}, seen by a visit today ${fmt(t.seenChangedPages.size)}; the rest wait for their next visit`,
);
const fullPass = Math.ceil(PAGES / WALL_GET_PER_DAY);
console.log(
  `a full daily pass of every wall: ${fmt(PAGES)} wall.get = ${fullPass} tokens by the daily quota (${fmt(Math.ceil(PAGES / EXECUTE_CALLS))} execute requests = ${(PAGES / EXECUTE_CALLS / PER_SECOND / 60).toFixed(0)} min at ${PER_SECOND} requests/s on one token: the quota binds, not the rate)`,
);
