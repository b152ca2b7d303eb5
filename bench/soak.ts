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
console.log(
  `errors ${result.errors + result.non2xx} (target 0); RSS last ÷ RSS at a quarter ${(last / Math.max(1, first)).toFixed(2)} (target ~1.0)`,
);
