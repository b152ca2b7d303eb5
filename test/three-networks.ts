// One collection of a demo world's VK, OK and MAX pages, as `publica` runs it: VK's collector, then the OK and
// MAX `net.collect` jobs under the ids it is given (a job retried under its id resumes from its checkpoint).
// The reliability test runs it in this process to count crash points and in child processes it kills.
import { collect } from '../src/collect/index.ts';
import { runNetCollect } from '../src/networks/index.ts';
import type { Db } from '../src/platform/db.ts';

export type ThreeNetworks = {
  vk: string;
  ok: string;
  max: string;
  /** The world's day: VK's window is counted back from it. */
  asOf: string;
  /** Ids of the OK and MAX jobs: the same ids on a second run make it a retry of the first. */
  jobs: { ok: string; max: string };
};

export const THREE_TOKENS = [
  { token: 'u1', kind: 'user' as const, perSecond: 500 },
  { token: 's1', kind: 'service' as const, perSecond: 500 },
];
export const THREE_OK = { key: 'KEY', secret: 'SECRET', token: 'ok-admin' };
export const THREE_MAX_BOT = 'max-bot';
/** Fast enough for a test, through the clients' own pacing. */
export const THREE_PER_SECOND = 2000;

export async function collectThree(db: Db, run: ThreeNetworks) {
  const asOf = new Date(`${run.asOf}T00:00:00Z`);
  const vk = await collect(db, { baseUrl: run.vk, tokens: THREE_TOKENS, now: () => asOf });
  const config = {
    ok: {
      baseUrl: run.ok,
      applicationKey: THREE_OK.key,
      applicationSecretKey: THREE_OK.secret,
      accessToken: THREE_OK.token,
      perSecond: THREE_PER_SECOND,
    },
    max: { baseUrl: run.max, token: THREE_MAX_BOT, perSecond: THREE_PER_SECOND },
  };
  // A window reaching back past the world's first day: every topic and post it holds.
  const job = (network: 'ok' | 'max') => ({
    id: run.jobs[network],
    queue: 'net.collect',
    data: { network, windowDays: 3650 },
    retryCount: 0,
    progress: async () => {},
  });
  const ok = await runNetCollect(db, config, job('ok'));
  const max = await runNetCollect(db, config, job('max'));
  return { vk: { pages: vk.pages, posts: vk.posts }, ok, max };
}
