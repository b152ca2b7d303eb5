// The alert jobs the scheduler fires: every few minutes, new threats and children's data are queued and every
// due delivery sent (retries with backoff included); once a day, each operator's digest. Both are safe to run
// twice or after a restart: each alert is claimed by its key before it is sent.
import nodemailer from 'nodemailer';
import type { Db } from '../platform/db.ts';
import type { JobDefinition } from '../platform/jobs/index.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { localTime } from '../platform/time-zone.ts';
import { queueDailyDigest, queueImmediateAlerts } from './alerts.ts';
import { deliverDue, type Mailer } from './deliveries.ts';

export const ALERTS_SEND = 'alerts.send';
export const ALERTS_DIGEST = 'alerts.digest';

export type AlertJobConfig = {
  smtpUrl: string | undefined;
  from: string;
  tz: string;
  /** Opens the webhooks' sealed secrets; absent, webhooks fail (and are retried) until the key is set. */
  secrets?: SecretBox | null;
};

/** The mailer of a job run; without PUBLICA_SMTP_URL e-mails wait in the log as pending (webhooks still go). */
function mailerOf(config: AlertJobConfig): Mailer & { close(): void } {
  if (config.smtpUrl) return nodemailer.createTransport(config.smtpUrl);
  return {
    sendMail: async () => {
      throw new Error('no SMTP server configured: set PUBLICA_SMTP_URL');
    },
    close: () => undefined,
  };
}

export async function runAlertPass(db: Db, config: AlertJobConfig, now: number) {
  const mailer = mailerOf(config);
  try {
    const queued = await queueImmediateAlerts(db, now);
    return {
      queued,
      ...(await deliverDue(db, { mailer, from: config.from, secrets: config.secrets ?? null }, now)),
    };
  } finally {
    mailer.close();
  }
}

/** The local day (YYYY-MM-DD) that keys the digest: one a day in the installation's time zone. */
function dayOf(now: number, tz: string): string {
  const d = localTime(now, tz);
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

export async function runDigest(db: Db, config: AlertJobConfig, now: number) {
  const mailer = mailerOf(config);
  try {
    const queued = await queueDailyDigest(db, now, dayOf(now, config.tz));
    return {
      queued,
      ...(await deliverDue(db, { mailer, from: config.from, secrets: config.secrets ?? null }, now)),
    };
  } finally {
    mailer.close();
  }
}

export function alertJobs(db: Db, config: AlertJobConfig): JobDefinition[] {
  const now = () => Math.floor(Date.now() / 1000);
  return [
    {
      queue: ALERTS_SEND,
      options: { retryLimit: 1, retryDelaySeconds: 60, expireSeconds: 600 },
      handler: async () => runAlertPass(db, config, now()),
    },
    {
      queue: ALERTS_DIGEST,
      options: { retryLimit: 2, retryDelaySeconds: 300, expireSeconds: 900 },
      handler: async () => runDigest(db, config, now()),
    },
  ];
}
