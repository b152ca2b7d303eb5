// The 60-second soak of CI (the 10-minute one: npm run bench:soak): 100 virtual users on loopback against
// `publica serve --role web` while a worker process on the same database collects and audits. No request may
// fail, and the web process's memory must not climb.
import { expect, it } from 'vitest';
import { printSoak, soak } from './soak.ts';

it('serves 100 virtual users for 60 s during collections: no errors, no memory climb', async () => {
  const result = await soak({ seconds: Number(process.env.PUBLICA_SOAK_SECONDS ?? 60) });
  printSoak(result);
  expect(result.errors).toBe(0);
  expect(result.non2xx).toBe(0);
  expect(result.requests).toBeGreaterThan(result.seconds * 20);
  expect(result.collections).toBeGreaterThan(0);
  expect(result.vkCalls).toBeGreaterThan(0);
  // Memory settles once the caches are warm: the last third of the run holds on average no more than 1.25 times
  // the middle third (a leak under this load climbs by far more), the trend itself is printed.
  const third = (k: number) => {
    const part = result.rss.filter(
      (r) => r.at >= (k * result.seconds) / 3 && r.at < ((k + 1) * result.seconds) / 3,
    );
    return part.reduce((sum, r) => sum + r.mib, 0) / Math.max(1, part.length);
  };
  expect(third(2)).toBeLessThan(third(1) * 1.25);
}, 600_000);
