// The 60-second soak of CI (the 10-minute one: npm run bench:soak): 100 virtual users on loopback against
// `publica serve --role web` while a worker process on the same database collects and audits. No request may
// fail and nothing is lost; how fast and how much memory is the benchmark's business (bench/soak.ts prints
// throughput and the memory trend with their targets), so a slow or busy machine cannot fail this test.
import { expect, it } from 'vitest';
import { printSoak, soak } from './soak.ts';

it('serves 100 virtual users for 60 s during collections: no errors, nothing lost', async () => {
  const result = await soak({ seconds: Number(process.env.PUBLICA_SOAK_SECONDS ?? 60) });
  printSoak(result);
  expect(result.errors).toBe(0);
  expect(result.non2xx).toBe(0);
  expect(result.requests).toBeGreaterThan(0);
  expect(result.collections).toBeGreaterThan(0);
  expect(result.vkCalls).toBeGreaterThan(0);
}, 600_000);
