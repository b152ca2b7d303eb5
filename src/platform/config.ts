// Environment parsed once at boot with zod; every problem is reported together, and defaults need nothing.
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { SecretBox } from './secret-box.ts';

const envSchema = z.object({
  PUBLICA_DB: z.string().min(1).optional(),
  PUBLICA_DATA_DIR: z.string().min(1).default('./data'),
  PUBLICA_FILES_DIR: z.string().min(1).optional(),
  PUBLICA_LANG: z.enum(['ru', 'en']).default('ru'),
  PUBLICA_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PUBLICA_HOST: z.string().min(1).default('127.0.0.1'),
  PUBLICA_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PUBLICA_BEHIND_PROXY: z.enum(['0', '1']).default('0'),
  PUBLICA_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PUBLICA_TRUST_PROXY: z
    .string()
    .refine((v) => parseTrustProxy(v) !== null, {
      message: 'a number of proxy hops (1–10) or a comma-separated list of proxy addresses or CIDRs',
    })
    .optional(),
  PUBLICA_SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  PUBLICA_API_CACHE: z.enum(['0', '1']).default('1'),
  PUBLICA_OIDC_ISSUER: z.url().optional(),
  PUBLICA_OIDC_CLIENT_ID: z.string().min(1).optional(),
  PUBLICA_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  PUBLICA_OIDC_REDIRECT_URL: z.url().optional(),
  PUBLICA_ROLE: z.enum(['all', 'web', 'worker', 'scheduler']).default('all'),
  PUBLICA_JOBS: z.enum(['db', 'pg-boss']).optional(),
  PUBLICA_VK_URL: z.url().optional(),
  PUBLICA_VK_TOKENS: z.string().optional(),
  PUBLICA_OK_URL: z.url().optional(),
  PUBLICA_OK_APP_KEY: z.string().optional(),
  PUBLICA_OK_APP_SECRET: z.string().optional(),
  PUBLICA_OK_TOKEN: z.string().optional(),
  PUBLICA_MAX_URL: z.url().optional(),
  PUBLICA_MAX_TOKEN: z.string().optional(),
  PUBLICA_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  PUBLICA_TOKENS_PER_JOB: z.coerce.number().int().min(1).max(100).default(1),
  PUBLICA_SHARD_PAGES: z.coerce.number().int().min(1).max(100_000).default(200),
  PUBLICA_AUDIT_SHARD_PAGES: z.coerce.number().int().min(1).max(100_000).default(500),
  PUBLICA_COLLECT_WINDOW_DAYS: z.coerce.number().int().min(1).max(3650).default(120),
  PUBLICA_SCHEDULE_COLLECT: z.string().optional(),
  PUBLICA_SCHEDULE_AUDIT: z.string().optional(),
  PUBLICA_SCHEDULE_TZ: z.string().min(1).default('Europe/Moscow'),
  PUBLICA_SCHEDULE_REMINDERS: z.string().min(1).default('*/15 * * * *'),
  PUBLICA_SCHEDULE_PUBLISH: z.string().min(1).default('*/15 * * * * *'),
  PUBLICA_SCHEDULER_TICK_SECONDS: z.coerce.number().min(0.2).max(300).default(15),
  PUBLICA_PUBLISH_STALE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  PUBLICA_VK_HAND_OFF_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(0),
  PUBLICA_METRICS: z.enum(['0', '1']).default('1'),
  PUBLICA_JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(1),
  PUBLICA_JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  PUBLICA_SHARD_EXPIRE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
  PUBLICA_LEASE_TTL_SECONDS: z.coerce.number().int().min(3).max(3600).default(30),
  PUBLICA_SECRET_KEY: z.string().optional(),
  PUBLICA_SECRET_KEYS_OLD: z.string().optional(),
  PUBLICA_SMTP_URL: z.string().min(1).optional(),
  PUBLICA_ALERTS_FROM: z.string().min(3).default('publica@localhost'),
  PUBLICA_SCHEDULE_ALERTS: z.string().min(1).default('*/5 * * * *'),
  PUBLICA_SCHEDULE_DIGEST: z.string().min(1).default('0 8 * * *'),
  PUBLICA_VK_LONG_POLL: z.enum(['0', '1']).default('0'),
});

/** false: the socket's address is the client's; n: the n nearest hops are proxies; or the proxies' addresses. */
export type TrustProxy = false | number | string[];

/**
 * PUBLICA_TRUST_PROXY: never "all hops" (then any client writes its own address into X-Forwarded-For and
 * rotates past the sign-in limits and into the audit log); only as many hops as there are proxies, or their
 * addresses. null when the value is neither.
 */
export function parseTrustProxy(value: string): TrustProxy | null {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 10 ? hops : null;
  }
  const list = text.split(',').map((part) => part.trim());
  const valid = list.every((part) => {
    const [address, bits, ...rest] = part.split('/');
    if (rest.length > 0 || !address || net.isIP(address) === 0) return false;
    if (bits === undefined) return true;
    const max = net.isIP(address) === 4 ? 32 : 128;
    return /^\d+$/.test(bits) && Number(bits) <= max;
  });
  return valid && list.length > 0 ? list : null;
}

export type ProcessRole = 'all' | 'web' | 'worker' | 'scheduler';

export type JobsConfig = {
  role: ProcessRole;
  /** Which queue: pg-boss on PostgreSQL, the database queue on SQLite, unless set. */
  queue: 'db' | 'pg-boss' | undefined;
  vkUrl: string | undefined;
  /** Raw kind:token[:perSecond] specs, comma-separated. */
  vkTokens: string | undefined;
  /** OK: the API's base URL (default https://api.ok.ru), the application's key and secret, the group token. */
  ok: {
    url?: string | undefined;
    appKey?: string | undefined;
    appSecret?: string | undefined;
    token?: string | undefined;
  };
  /** MAX: the Bot API's base URL (default https://platform-api.max.ru) and the bot's token. */
  max: { url?: string | undefined; token?: string | undefined };
  concurrency: number;
  tokensPerJob: number;
  shardPages: number;
  auditShardPages: number;
  collectWindowDays: number;
  schedule: {
    collect: string | undefined;
    audit: string | undefined;
    reminders: string;
    publish: string;
    alerts: string;
    digest: string;
    tz: string;
  };
  /** Alerts outside the app: the SMTP server (none: e-mails wait) and the From address. */
  alerts: { smtpUrl: string | undefined; from: string };
  /** Workers read VK Bots Long Poll for pages with a community token. */
  longPoll: boolean;
  publishStaleSeconds: number;
  /** Scheduled drafts due within this many seconds go to VK as postponed posts (publish_date); 0: off. */
  publishHandOffSeconds: number;
  schedulerTickSeconds: number;
  metrics: boolean;
  pollSeconds: number;
  maintenanceSeconds: number;
  shardExpireSeconds: number;
  leaseTtlSeconds: number;
};

export type Config = {
  db: string;
  dataDir: string;
  /** Where uploaded files (the planner's photos and videos) live: PUBLICA_FILES_DIR, else files/ in dataDir. */
  filesDir: string;
  lang: 'ru' | 'en';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  http: {
    host: string;
    port: number;
    behindProxy: boolean;
    trustProxy: TrustProxy;
    sessionIdleHours: number;
    cache: boolean;
    /** The site's own address for links printed outside it (certificates); never taken from a request. */
    publicUrl: string;
  };
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined; redirectUrl: string } | null;
  jobs: JobsConfig;
  /** Seals and opens stored VK tokens; null without PUBLICA_SECRET_KEY. */
  secrets: SecretBox | null;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { db?: string } = {}): Config {
  // An empty variable means "not set", as shells and compose files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('CONFIG', `Invalid environment: ${problems.join('; ')}`, problems);
  }
  const values = parsed.data;
  const dataDir = values.PUBLICA_DATA_DIR;
  return {
    db: overrides.db ?? values.PUBLICA_DB ?? path.join(dataDir, 'publica.db'),
    dataDir,
    filesDir: values.PUBLICA_FILES_DIR ?? path.join(dataDir, 'files'),
    lang: values.PUBLICA_LANG,
    logLevel: values.PUBLICA_LOG_LEVEL,
    http: {
      host: values.PUBLICA_HOST,
      port: values.PUBLICA_PORT,
      behindProxy: values.PUBLICA_BEHIND_PROXY === '1',
      trustProxy: values.PUBLICA_TRUST_PROXY ? (parseTrustProxy(values.PUBLICA_TRUST_PROXY) ?? false) : false,
      sessionIdleHours: values.PUBLICA_SESSION_IDLE_HOURS,
      cache: values.PUBLICA_API_CACHE === '1',
      publicUrl: values.PUBLICA_PUBLIC_URL ?? `http://localhost:${values.PUBLICA_PORT}`,
    },
    oidc:
      values.PUBLICA_OIDC_ISSUER && values.PUBLICA_OIDC_CLIENT_ID && values.PUBLICA_OIDC_REDIRECT_URL
        ? {
            issuer: values.PUBLICA_OIDC_ISSUER,
            clientId: values.PUBLICA_OIDC_CLIENT_ID,
            clientSecret: values.PUBLICA_OIDC_CLIENT_SECRET,
            redirectUrl: values.PUBLICA_OIDC_REDIRECT_URL,
          }
        : null,
    jobs: {
      role: values.PUBLICA_ROLE,
      queue: values.PUBLICA_JOBS,
      vkUrl: values.PUBLICA_VK_URL,
      vkTokens: values.PUBLICA_VK_TOKENS,
      ok: {
        url: values.PUBLICA_OK_URL,
        appKey: values.PUBLICA_OK_APP_KEY,
        appSecret: values.PUBLICA_OK_APP_SECRET,
        token: values.PUBLICA_OK_TOKEN,
      },
      max: { url: values.PUBLICA_MAX_URL, token: values.PUBLICA_MAX_TOKEN },
      concurrency: values.PUBLICA_WORKER_CONCURRENCY,
      tokensPerJob: values.PUBLICA_TOKENS_PER_JOB,
      shardPages: values.PUBLICA_SHARD_PAGES,
      auditShardPages: values.PUBLICA_AUDIT_SHARD_PAGES,
      collectWindowDays: values.PUBLICA_COLLECT_WINDOW_DAYS,
      schedule: {
        collect: values.PUBLICA_SCHEDULE_COLLECT,
        audit: values.PUBLICA_SCHEDULE_AUDIT,
        reminders: values.PUBLICA_SCHEDULE_REMINDERS,
        publish: values.PUBLICA_SCHEDULE_PUBLISH,
        alerts: values.PUBLICA_SCHEDULE_ALERTS,
        digest: values.PUBLICA_SCHEDULE_DIGEST,
        tz: values.PUBLICA_SCHEDULE_TZ,
      },
      alerts: { smtpUrl: values.PUBLICA_SMTP_URL, from: values.PUBLICA_ALERTS_FROM },
      longPoll: values.PUBLICA_VK_LONG_POLL === '1',
      publishStaleSeconds: values.PUBLICA_PUBLISH_STALE_SECONDS,
      publishHandOffSeconds: Math.round(values.PUBLICA_VK_HAND_OFF_HOURS * 3600),
      schedulerTickSeconds: values.PUBLICA_SCHEDULER_TICK_SECONDS,
      metrics: values.PUBLICA_METRICS === '1',
      pollSeconds: values.PUBLICA_JOB_POLL_SECONDS,
      maintenanceSeconds: values.PUBLICA_JOB_MAINTENANCE_SECONDS,
      shardExpireSeconds: values.PUBLICA_SHARD_EXPIRE_SECONDS,
      leaseTtlSeconds: values.PUBLICA_LEASE_TTL_SECONDS,
    },
    secrets: SecretBox.fromEnv(present),
  };
}

/** The documented configuration table, printed by the README and `publica --help`. */
export const configTable = [
  [
    'PUBLICA_DB',
    './data/publica.db',
    'SQLite file path, sqlite:PATH URL, or postgres://user:pass@host:port/db',
  ],
  ['PUBLICA_DATA_DIR', './data', 'where the embedded database, worlds and exports live'],
  ['PUBLICA_FILES_DIR', './data/files', 'uploaded planner photos and videos (kept out of the database)'],
  ['PUBLICA_LANG', 'ru', 'language of messages the user sees: ru or en'],
  ['PUBLICA_LOG_LEVEL', 'info', 'debug, info, warn, error or silent'],
  ['PUBLICA_HOST', '127.0.0.1', 'publica serve / start: address the HTTP server listens on'],
  ['PUBLICA_PORT', '8080', 'publica serve / start: port of the HTTP server (0 = any free port)'],
  [
    'PUBLICA_BEHIND_PROXY',
    '0',
    '1 behind a TLS-terminating proxy: Secure cookies, HSTS, upgrade-insecure-requests',
  ],
  [
    'PUBLICA_TRUST_PROXY',
    '-',
    'X-Forwarded-For/-Proto of whom to believe: proxy hops (1) or proxy addresses/CIDRs (127.0.0.1); none if unset',
  ],
  [
    'PUBLICA_SESSION_IDLE_HOURS',
    '12',
    'a session ends after this many hours without a request (7 days at most)',
  ],
  [
    'PUBLICA_PUBLIC_URL',
    'http://localhost:<PORT>',
    'the site’s public address (https://publica.example.ru), printed on certificates',
  ],
  ['PUBLICA_API_CACHE', '1', '0 turns off the per-process cache of roll-ups, lists and reports'],
  ['PUBLICA_OIDC_ISSUER', '-', 'OIDC sign-in (optional): the identity provider’s issuer URL'],
  ['PUBLICA_OIDC_CLIENT_ID', '-', 'OIDC sign-in: client id registered with the provider'],
  ['PUBLICA_OIDC_CLIENT_SECRET', '-', 'OIDC sign-in: client secret (omit for a public client with PKCE)'],
  ['PUBLICA_OIDC_REDIRECT_URL', '-', 'OIDC sign-in: https://<host>/api/auth/oidc/callback'],
  [
    'PUBLICA_VK_URL',
    '-',
    'collect and workers: VK API base URL (the real VK: https://api.vk.ru, the default; https://api.vk.com still answers)',
  ],
  ['PUBLICA_VK_TOKENS', '-', 'collect and workers: comma-separated kind:token[:perSecond] specs'],
  ['PUBLICA_OK_URL', 'https://api.ok.ru', 'OK collection jobs: the OK API base URL'],
  [
    'PUBLICA_OK_APP_KEY',
    '-',
    'OK collection jobs: application key (with PUBLICA_OK_APP_SECRET, PUBLICA_OK_TOKEN)',
  ],
  ['PUBLICA_OK_APP_SECRET', '-', 'OK collection jobs: application secret key'],
  ['PUBLICA_OK_TOKEN', '-', 'OK collection jobs: access token'],
  ['PUBLICA_MAX_URL', 'https://platform-api.max.ru', 'MAX collection jobs: the Bot API base URL'],
  ['PUBLICA_MAX_TOKEN', '-', 'MAX collection jobs: the bot token (the bot is an admin of the channels)'],
  ['PUBLICA_ROLE', 'all', 'publica serve: web, worker, scheduler or all (--role overrides)'],
  ['PUBLICA_JOBS', 'by database', 'job queue: pg-boss (default on PostgreSQL) or db (default on SQLite)'],
  ['PUBLICA_WORKER_CONCURRENCY', '1', 'worker: collection and audit shard jobs at once per process'],
  ['PUBLICA_TOKENS_PER_JOB', '1', 'worker: VK tokens one collection shard job leases'],
  ['PUBLICA_SHARD_PAGES', '200', 'pages per collection shard job'],
  ['PUBLICA_AUDIT_SHARD_PAGES', '500', 'pages per audit shard job (whole municipalities)'],
  ['PUBLICA_COLLECT_WINDOW_DAYS', '120', 'days of posts a scheduled or queued collection reads'],
  ['PUBLICA_SCHEDULE_COLLECT', '-', 'scheduler: cron of the collection (then an audit), e.g. "0 3 * * *"'],
  ['PUBLICA_SCHEDULE_AUDIT', '-', 'scheduler: cron of an audit on its own, e.g. "0 6 * * 1"'],
  ['PUBLICA_SCHEDULE_REMINDERS', '*/15 * * * *', 'scheduler: cron of seminar reminders (the day before)'],
  ['PUBLICA_SCHEDULE_PUBLISH', '*/15 * * * * *', 'scheduler: cron (with seconds) of publishing due drafts'],
  ['PUBLICA_SCHEDULER_TICK_SECONDS', '15', 'scheduler: how often it looks for due cron slots'],
  [
    'PUBLICA_PUBLISH_STALE_SECONDS',
    '600',
    'a publication claimed longer ago than this (its process died) goes again',
  ],
  [
    'PUBLICA_VK_HAND_OFF_HOURS',
    '0',
    'scheduled posts due within this many hours go to VK at once as postponed posts (publish_date); 0: off',
  ],
  ['PUBLICA_SCHEDULE_TZ', 'Europe/Moscow', 'scheduler: time zone of the cron expressions'],
  ['PUBLICA_METRICS', '1', '0 turns off /metrics (Prometheus; deny it at the proxy)'],
  ['PUBLICA_JOB_POLL_SECONDS', '1', 'how often an idle worker looks for jobs (0.5 at least)'],
  ['PUBLICA_JOB_MAINTENANCE_SECONDS', '30', 'pg-boss: how often jobs of dead workers are found'],
  ['PUBLICA_SHARD_EXPIRE_SECONDS', '600', 'a collection shard job running longer counts as lost'],
  [
    'PUBLICA_SOURCES',
    '0',
    '1: bin/publica.js runs the TypeScript sources (tsx) even when the bundle is fresh',
  ],
  ['PUBLICA_LEASE_TTL_SECONDS', '30', 'a VK token lease not renewed this long is free for another worker'],
  [
    'PUBLICA_SECRET_KEY',
    '-',
    'key sealing stored VK tokens (AES-256-GCM): 32 bytes, base64 or hex; publica vk-token new-key',
  ],
  [
    'PUBLICA_SECRET_KEYS_OLD',
    '-',
    'earlier keys, comma-separated: still open old tokens until publica vk-token rotate',
  ],
  [
    'PUBLICA_SMTP_URL',
    '-',
    'alerts: SMTP server for e-mail alerts, e.g. smtp://user:pass@mail.example.org:587 (without it e-mails wait, webhooks go)',
  ],
  ['PUBLICA_ALERTS_FROM', 'publica@localhost', 'alerts: the From address of e-mail alerts'],
  [
    'PUBLICA_SCHEDULE_ALERTS',
    '*/5 * * * *',
    'scheduler: cron of the alert pass (threats, a child data; due deliveries and retries)',
  ],
  ['PUBLICA_SCHEDULE_DIGEST', '0 8 * * *', 'scheduler: cron of the daily digest for operators'],
  [
    'PUBLICA_VK_LONG_POLL',
    '0',
    'worker: 1 reads VK Bots Long Poll for every page with a community token (no public address needed)',
  ],
] as const;
