// OK and MAX collection as resumable jobs (`net.collect`, one job a network): the job keeps its window's start
// and the last page it finished in its progress; a retry after a crash (the process killed, the job expired)
// reads them back, skips the pages already done and collects the rest with the same window. Writes are upserts,
// so a page done twice is stored once.
import { crashPoint } from '../platform/crash-points.ts';
import type { Db } from '../platform/db.ts';
import { type Job, type JobDefinition, readJobProgress, saveJobProgress } from '../platform/jobs/index.ts';
import { MAX_API_URL, MaxClient } from './max/max-client.ts';
import { collectMaxPages } from './max/max-collect.service.ts';
import type { NetCollectOptions } from './net-collect-options.ts';
import { OK_API_URL, OkClient } from './ok/ok-client.ts';
import { collectOkPages } from './ok/ok-collect.service.ts';

export const NET_COLLECT = 'net.collect';

export type NetCollectConfig = {
  ok?: {
    baseUrl: string;
    applicationKey: string;
    applicationSecretKey: string;
    accessToken: string;
    perSecond?: number;
  };
  max?: { baseUrl: string; token: string; perSecond?: number };
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each page's checkpoint is saved (tests abort here). */
  onCheckpoint?: (network: 'ok' | 'max', pageId: number) => Promise<void> | void;
};

/** The jobs' configuration from the environment's OK and MAX settings; a network without its keys is left out. */
export function netCollectConfig(env: {
  ok: {
    url?: string | undefined;
    appKey?: string | undefined;
    appSecret?: string | undefined;
    token?: string | undefined;
  };
  max: { url?: string | undefined; token?: string | undefined };
}): NetCollectConfig {
  const { ok, max } = env;
  return {
    ...(ok.appKey && ok.appSecret && ok.token
      ? {
          ok: {
            baseUrl: ok.url ?? OK_API_URL,
            applicationKey: ok.appKey,
            applicationSecretKey: ok.appSecret,
            accessToken: ok.token,
          },
        }
      : {}),
    ...(max.token ? { max: { baseUrl: max.url ?? MAX_API_URL, token: max.token } } : {}),
  };
}

/** The OK and MAX clients of a configuration (the planner posts with them); a network without keys is left out. */
export function netClients(config: NetCollectConfig): { ok?: OkClient; max?: MaxClient } {
  const { ok, max } = config;
  return {
    ...(ok ? { ok: new OkClient(ok, { baseUrl: ok.baseUrl, perSecond: ok.perSecond ?? 5 }) } : {}),
    ...(max
      ? { max: new MaxClient(max.token, { baseUrl: max.baseUrl, perSecond: max.perSecond ?? 30 }) }
      : {}),
  };
}

export type NetCollectData = { network: 'ok' | 'max'; windowDays?: number };
type Progress = { startedAt: number; after?: number };

export function netCollectJobs(db: Db, config: NetCollectConfig): JobDefinition[] {
  return [
    {
      queue: NET_COLLECT,
      options: { retryLimit: 10, retryDelaySeconds: 5, expireSeconds: 1800 },
      handler: (job: Job<NetCollectData>) => runNetCollect(db, config, job),
    },
  ];
}

export async function runNetCollect(db: Db, config: NetCollectConfig, job: Job<NetCollectData>) {
  const { network } = job.data;
  if (network !== 'ok' && network !== 'max')
    throw new Error(`${NET_COLLECT} job ${job.id}: network must be "ok" or "max", got ${String(network)}`);
  const now = config.now ?? Date.now;
  const known = (await readJobProgress(db, job.id)) as Progress | null;
  const progress: Progress = known ?? { startedAt: Math.floor(now() / 1000) };
  if (!known) await saveJobProgress(db, job.id, job.queue, JSON.stringify(progress), now());
  const options: NetCollectOptions = {
    sinceSec: progress.startedAt - (job.data.windowDays ?? 30) * 86_400,
    now,
    ...(progress.after !== undefined ? { after: progress.after } : {}),
    onPage: async (pageId) => {
      progress.after = pageId;
      await saveJobProgress(db, job.id, job.queue, JSON.stringify(progress), now());
      crashPoint('networks.after-page');
      await config.onCheckpoint?.(network, pageId);
    },
  };
  const pace = { now, ...(config.sleep ? { sleep: config.sleep } : {}) };
  if (network === 'ok') {
    const ok = config.ok;
    if (!ok) throw new Error(`${NET_COLLECT}: OK is not configured (PUBLICA_OK_URL and its keys)`);
    const client = new OkClient(ok, { baseUrl: ok.baseUrl, perSecond: ok.perSecond ?? 5, ...pace });
    return collectOkPages(db, client, options);
  }
  const max = config.max;
  if (!max) throw new Error(`${NET_COLLECT}: MAX is not configured (PUBLICA_MAX_URL and the bot token)`);
  const client = new MaxClient(max.token, { baseUrl: max.baseUrl, perSecond: max.perSecond ?? 30, ...pace });
  return collectMaxPages(db, client, options);
}
