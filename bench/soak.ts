// Benchmark: the 10-minute soak (test/reliability/soak.ts): 100 virtual users of mixed reads on loopback against
// `publica serve --role web` on SQLite while a worker process collects from the simulated VK and audits, again
// and again. Prints requests, errors (target 0), p50/p99 per 10-second window and the server's RSS over time with
// its trend over the second half (target: flat). Run: npm run bench:soak. Env: BENCH_SECONDS (default 600),
// BENCH_CONNECTIONS (default 100), BENCH_INSTITUTIONS (default 2000).
import { printSoak, soak } from '../test/reliability/soak.ts';

const result = await soak({
  seconds: Number(process.env.BENCH_SECONDS ?? 600),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 100),
  institutions: Number(process.env.BENCH_INSTITUTIONS ?? 2000),
});
printSoak(result);
const first = result.rss.find((s) => s.at >= result.seconds / 4)?.mib ?? 0;
const last = result.rss.at(-1)?.mib ?? 0;
// Memory settles once the caches are warm: the last third holds on average at most 1.25 times the middle third.
const third = (k: number) => {
  const part = result.rss.filter(
    (r) => r.at >= (k * result.seconds) / 3 && r.at < ((k + 1) * result.seconds) / 3,
  );
  return part.reduce((sum, r) => sum + r.mib, 0) / Math.max(1, part.length);
};
console.log(
  `errors ${result.errors + result.non2xx} (target 0); requests/s ${(result.requests / result.seconds).toFixed(0)} (target > 20); RSS last ÷ RSS at a quarter ${(last / Math.max(1, first)).toFixed(2)} (target ~1.0); RSS last third ÷ middle third ${(third(2) / Math.max(1, third(1))).toFixed(2)} (target < 1.25)`,
);
