// Composition root of the worker and scheduler roles: the job queue (pg-boss on PostgreSQL, the database queue
// on SQLite), every feature's job definitions, the workers that run them, the scheduler that enqueues periodic
// work while it leads, and the gauges /metrics reads from the database.
import { ALERTS_DIGEST, ALERTS_SEND, alertJobs } from '../alerts/index.ts';
import { AUDIT_RUN, auditJobs } from '../audit/index.ts';
import { parseTokenSpecs } from '../cli/index.ts';
import { COLLECT_RUN, collectJobs } from '../collect/index.ts';
import {
  escalationJobs,
  INBOX_ESCALATE,
  INBOX_SYNC_MESSAGES,
  inboxJobs,
  startLongPollWorkers,
} from '../inbox/index.ts';
import { NET_COLLECT, netClients, netCollectConfig, netCollectJobs } from '../networks/index.ts';
import {
  FileStore,
  PLANNER_CLEAN_FILES,
  PLANNER_PUBLISH,
  PLANNER_REMIND,
  plannerJobs,
} from '../planner/index.ts';
import type { Config, ProcessRole } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import {
  DbJobQueue,
  type JobDefinition,
  type JobQueue,
  leadership,
  PgBossJobQueue,
  Scheduler,
} from '../platform/jobs/index.ts';
import { createLog, type Log } from '../platform/log.ts';
import type { Metrics } from '../platform/metrics.ts';
import { closePdfBrowser, reportJobs } from '../reports/index.ts';
import { SEMINAR_REMIND, trainingJobs } from '../training/index.ts';
import {
  DAILY_QUOTA,
  listLeases,
  loadUsage,
  type PoolTokenSpec,
  storedReadingTokens,
  tokenKey,
  VK_API_URL,
  withStoredTokens,
} from '../vk/index.ts';
import { loadPublishedVersions } from '../workshop/index.ts';

export type Background = { queue: JobQueue; stop(): Promise<void> };

export function openJobQueue(db: Db, config: Config, log: Log, supervise = true): JobQueue {
  const kind = config.jobs.queue ?? (db.dialect === 'postgres' ? 'pg-boss' : 'db');
  const onError = (error: unknown) => log.error('job queue', { error: (error as Error)?.message ?? error });
  return kind === 'pg-boss'
    ? new PgBossJobQueue(db, {
        pollSeconds: config.jobs.pollSeconds,
        maintenanceSeconds: config.jobs.maintenanceSeconds,
        supervise,
        onError,
      })
    : new DbJobQueue(db, { pollMs: config.jobs.pollSeconds * 1000, onError });
}

export function vkTokens(config: Config): PoolTokenSpec[] {
  return parseTokenSpecs((config.jobs.vkTokens ?? '').split(','));
}

/** Every queue with its handler; the same list in every process, so any of them may enqueue. */
export function jobDefinitions(db: Db, queue: JobQueue, config: Config, metrics?: Metrics): JobDefinition[] {
  const j = config.jobs;
  return [
    ...collectJobs(db, queue, {
      baseUrl: j.vkUrl ?? '',
      tokens: vkTokens(config),
      // Read at each shard: a token stored (or disabled) while workers run is used (or left) from the next shard.
      storedTokens: () => storedReadingTokens(db, config.secrets),
      shardPages: j.shardPages,
      tokensPerJob: j.tokensPerJob,
      concurrency: j.concurrency,
      leaseTtlMs: j.leaseTtlSeconds * 1000,
      shardExpireSeconds: j.shardExpireSeconds,
      onShard: (report) => {
        const failed = Object.values(report.errors).reduce((s, n) => s + n, 0);
        metrics?.vkCalls.inc({ outcome: 'ok' }, Math.max(0, report.requests - failed));
        for (const [outcome, n] of Object.entries(report.errors)) metrics?.vkCalls.inc({ outcome }, n);
      },
    }),
    ...netCollectJobs(db, netCollectConfig(j)),
    ...auditJobs(db, queue, {
      shardPages: j.auditShardPages,
      concurrency: j.concurrency,
      refresh: () => loadPublishedVersions(db),
    }),
    ...reportJobs(db),
    ...inboxJobs(db, { baseUrl: j.vkUrl, secrets: config.secrets }),
    ...escalationJobs(db),
    ...trainingJobs(db),
    ...alertJobs(db, { ...j.alerts, tz: j.schedule.tz, secrets: config.secrets }),
    ...plannerJobs(
      db,
      {
        baseUrl: j.vkUrl ?? VK_API_URL,
        secrets: config.secrets,
        files: new FileStore(config.filesDir),
      },
      {
        staleSeconds: j.publishStaleSeconds,
        handOffSeconds: j.publishHandOffSeconds,
        networks: netClients(netCollectConfig(j)),
      },
    ),
  ];
}

/** A started queue with every queue created, for a command to enqueue into; supervises nothing. */
export async function openQueueForSending(db: Db, config: Config): Promise<JobQueue> {
  const queue = openJobQueue(db, config, createLog(config.logLevel), false);
  await queue.start();
  for (const d of jobDefinitions(db, queue, config)) await queue.createQueue(d.queue, d.options);
  return queue;
}

/** Creates the queues; starts workers and the scheduler as the role says. Null for a web-only process. */
export async function startBackground(
  db: Db,
  config: Config,
  role: ProcessRole,
  log: Log,
  metrics?: Metrics,
): Promise<Background | null> {
  if (role === 'web') return null;
  const queue = openJobQueue(db, config, log);
  await queue.start();
  const definitions = jobDefinitions(db, queue, config, metrics);
  for (const d of definitions) await queue.createQueue(d.queue, d.options);
  if (role === 'worker' || role === 'all')
    for (const d of definitions)
      await queue.work(d.queue, { concurrency: d.concurrency ?? 1 }, async (job) => {
        try {
          const output = await d.handler(job);
          metrics?.jobsRun.inc({ queue: d.queue, result: 'completed' });
          return output;
        } catch (error) {
          metrics?.jobsRun.inc({ queue: d.queue, result: 'failed' });
          log.warn('job failed', { queue: d.queue, id: job.id, error: (error as Error).message });
          throw error;
        }
      });
  const scheduler =
    role === 'scheduler' || role === 'all'
      ? new Scheduler(db, queue, {
          tickMs: config.jobs.schedulerTickSeconds * 1000,
          leadership: leadership(db, (error) => log.warn('scheduler lock', { error: String(error) })),
          onFire: (name, id, slot) => log.info('schedule fired', { name, id, slot: slot.toISOString() }),
          onError: (error) => log.error('scheduler', { error: (error as Error).message }),
          onScheduleError: (name, error) => {
            metrics?.scheduleFailures.inc({ schedule: name });
            log.error('schedule failed', { name, error: (error as Error)?.message ?? String(error) });
          },
        })
      : undefined;
  if (scheduler) {
    await configureSchedules(scheduler, config);
    scheduler.start();
  }
  if (metrics) addGauges(db, queue, config, metrics);
  // Bots Long Poll: VK's events in seconds where VK cannot reach the Callback API route.
  const longPoll =
    config.jobs.longPoll && (role === 'worker' || role === 'all')
      ? await startLongPollWorkers(
          db,
          { baseUrl: config.jobs.vkUrl, secrets: config.secrets },
          (groupId, error) =>
            log.warn('long poll', { groupId, error: (error as Error)?.message ?? String(error) }),
        )
      : undefined;
  return {
    queue,
    async stop() {
      await longPoll?.stop();
      await scheduler?.stop();
      await queue.stop({ timeoutMs: 20_000 });
      await closePdfBrowser();
    },
  };
}

/** The schedules the environment asks for; one no longer asked for is removed. */
async function configureSchedules(scheduler: Scheduler, config: Config): Promise<void> {
  const { collect, audit, tz } = config.jobs.schedule;
  if (collect)
    await scheduler.define('collect', {
      cron: collect,
      tz,
      queue: COLLECT_RUN,
      data: { windowDays: config.jobs.collectWindowDays, followUp: { queue: AUDIT_RUN, data: {} } },
    });
  else await scheduler.remove('collect');
  // The backstop for community messages the Callback API and Long Poll missed: on the collection's schedule.
  if (collect && config.jobs.vkUrl)
    await scheduler.define('collect-messages', { cron: collect, tz, queue: INBOX_SYNC_MESSAGES, data: {} });
  else await scheduler.remove('collect-messages');
  // OK and MAX on the same schedule as VK, each network where its keys are set.
  const nets = netCollectConfig(config.jobs);
  for (const network of ['ok', 'max'] as const)
    if (collect && nets[network])
      await scheduler.define(`collect-${network}`, {
        cron: collect,
        tz,
        queue: NET_COLLECT,
        data: { network, windowDays: config.jobs.collectWindowDays },
      });
    else await scheduler.remove(`collect-${network}`);
  if (audit) await scheduler.define('audit', { cron: audit, tz, queue: AUDIT_RUN, data: {} });
  else await scheduler.remove('audit');
  await scheduler.define('publish', {
    cron: config.jobs.schedule.publish,
    tz,
    queue: PLANNER_PUBLISH,
    data: {},
  });
  await scheduler.define('plan-reminders', {
    cron: config.jobs.schedule.reminders,
    tz,
    queue: PLANNER_REMIND,
    data: {},
  });
  // Uploaded files no draft refers to, past their grace period: once a day, at night.
  await scheduler.define('planner-files', { cron: '17 4 * * *', tz, queue: PLANNER_CLEAN_FILES, data: {} });
  // Overdue questions move to the municipality's and the region's queues: checked as often as alerts go out.
  await scheduler.define('inbox-escalate', {
    cron: config.jobs.schedule.alerts,
    tz,
    queue: INBOX_ESCALATE,
    data: {},
  });
  await scheduler.define('alerts', { cron: config.jobs.schedule.alerts, tz, queue: ALERTS_SEND, data: {} });
  await scheduler.define('alerts-digest', {
    cron: config.jobs.schedule.digest,
    tz,
    queue: ALERTS_DIGEST,
    data: {},
  });
  await scheduler.define('seminar-reminders', {
    cron: config.jobs.schedule.reminders,
    tz,
    queue: SEMINAR_REMIND,
    data: {},
  });
}

function addGauges(db: Db, queue: JobQueue, config: Config, metrics: Metrics): void {
  metrics.gauge('publica_jobs', 'Jobs by queue and state', ['queue', 'state'], async () =>
    (await queue.counts()).map((c) => ({ labels: { queue: c.queue, state: c.state }, value: c.count })),
  );
  const tokens = async () =>
    (await withStoredTokens(db, config.secrets, vkTokens(config))).map((t) => ({
      kind: t.kind,
      key: tokenKey(t.token),
    }));
  metrics.gauge(
    'publica_vk_token_quota_left',
    "wall.get calls left today per VK token (VK's daily budget minus the calls counted)",
    ['token', 'kind'],
    async () => {
      const known = await tokens();
      const usage = await loadUsage(
        db,
        Math.floor(Date.now() / 86_400_000),
        known.map((t) => t.key),
      );
      return known.map((t) => ({
        labels: { token: t.key, kind: t.kind },
        value: Math.max(0, (DAILY_QUOTA['wall.get'] ?? 0) - (usage.get(`${t.key}|wall.get`) ?? 0)),
      }));
    },
  );
  metrics.gauge(
    'publica_vk_token_leased',
    'VK tokens leased by a worker now (1) or free (0)',
    ['token'],
    async () => {
      const held = new Set(
        (await listLeases(db)).filter((l) => Number(l.expires_at) > Date.now()).map((l) => l.token_key),
      );
      return (await tokens()).map((t) => ({ labels: { token: t.key }, value: held.has(t.key) ? 1 : 0 }));
    },
  );
}
