// Composition root of the web role: the HTTP server with every feature's routes over one database.

import { fileURLToPath } from 'node:url';
import { alertRoutes } from '../alerts/index.ts';
import { analyticsRoutes } from '../analytics/index.ts';
import { auditRoutes, networkReportRoutes, pageFactsRoutes } from '../audit/index.ts';
import {
  authRoutes,
  createOidc,
  createSessions,
  createUsers,
  DEFAULT_SESSION_POLICY,
  type OidcSettings,
  oidcRoutes,
  type SessionPolicy,
} from '../auth/index.ts';
import { collectRoutes } from '../collect/index.ts';
import { inboxRoutes } from '../inbox/index.ts';
import { methodologyRoutes } from '../methodology/index.ts';
import { networkCoverageRoutes } from '../networks/index.ts';
import { notificationRoutes } from '../notifications/index.ts';
import { FileStore, plannerRoutes } from '../planner/index.ts';
import type { Clock } from '../platform/clock.ts';
import { systemClock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { type Db, pingDb, readVersions } from '../platform/db.ts';
import { type App, buildHttpServer } from '../platform/http/server.ts';
import type { JobQueue } from '../platform/jobs/index.ts';
import type { Metrics } from '../platform/metrics.ts';
import { projectFile } from '../platform/paths.ts';
import { regionVersionRoutes, registryRoutes } from '../registry/index.ts';
import {
  closePdfBrowser,
  exportRoutes,
  openDataRoutes,
  pdfStats,
  ReportCache,
  reportRoutes,
} from '../reports/index.ts';
import { trainingRoutes } from '../training/index.ts';
import { loadPublishedVersions, workshopRoutes } from '../workshop/index.ts';
import { openQueueForSending } from './background.ts';

export type WebOptions = {
  clock?: Clock;
  /** Overrides the configured identity provider (tests run one on plain HTTP). */
  oidc?: OidcSettings;
  sessionPolicy?: Partial<SessionPolicy>;
  logStream?: NodeJS.WritableStream;
  metrics?: Metrics;
  /** The built web app to serve; default web/dist of the project. */
  webRoot?: string;
  /** The job queue requests enqueue into (a re-audit); default one opened for sending on first use. */
  queue?: () => Promise<JobQueue>;
};

/** A queue opened for sending on first use, and stopped with the server if it was. */
function lazyQueue(db: Db, config: Config) {
  let opened: Promise<JobQueue> | undefined;
  return {
    get: () => {
      opened ??= openQueueForSending(db, config);
      return opened;
    },
    stop: async () => {
      if (opened) await (await opened).stop();
    },
  };
}

export async function buildWebApp(db: Db, config: Config, options: WebOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  // Versions a methodologist published read like shipped ones from the first request.
  await loadPublishedVersions(db);
  const sessions = createSessions(
    db,
    { ...DEFAULT_SESSION_POLICY, idleSeconds: config.http.sessionIdleHours * 3600, ...options.sessionPolicy },
    clock,
  );
  const users = createUsers(db, clock);
  // Rendered reports of this app's database, unless PUBLICA_API_CACHE=0 turns the process's caches off.
  const reportCache = config.http.cache ? new ReportCache() : undefined;
  options.metrics?.gauge(
    'publica_pdf_renders',
    'PDF renders of this process: rendered, failed, refused (busy), running, queued; seconds spent and the slowest render; unit reports served from the cache of rendered reports (hits) and made (misses)',
    ['state'],
    async () => [
      { labels: { state: 'rendered' }, value: pdfStats.rendered },
      { labels: { state: 'failed' }, value: pdfStats.failed },
      { labels: { state: 'refused' }, value: pdfStats.refused },
      { labels: { state: 'running' }, value: pdfStats.running() },
      { labels: { state: 'queued' }, value: pdfStats.queued() },
      { labels: { state: 'seconds' }, value: pdfStats.seconds },
      { labels: { state: 'slowest_seconds' }, value: pdfStats.slowest },
      { labels: { state: 'cache_hits' }, value: reportCache?.stats.hits ?? 0 },
      { labels: { state: 'cache_misses' }, value: reportCache?.stats.misses ?? 0 },
    ],
  );
  return buildHttpServer(
    {
      logLevel: config.logLevel,
      authenticator: sessions.authenticator,
      behindProxy: config.http.behindProxy,
      trustProxy: config.http.trustProxy,
      ready: () => pingDb(db),
      versions: () => readVersions(db),
      cacheResponses: config.http.cache,
      webRoot: options.webRoot ?? fileURLToPath(projectFile('web/dist')),
      ...(options.logStream ? { logStream: options.logStream } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
    },
    async (app) => {
      authRoutes({ db, sessions, users, secureCookies: config.http.behindProxy })(app);
      const oidc = options.oidc ?? config.oidc;
      if (oidc) oidcRoutes(createOidc(db, sessions, oidc), config.http.behindProxy)(app);
      registryRoutes(db)(app);
      regionVersionRoutes(db, clock)(app);
      analyticsRoutes(db)(app);
      networkCoverageRoutes(db)(app);
      collectRoutes(db)(app);
      auditRoutes(db)(app);
      networkReportRoutes(db)(app);
      pageFactsRoutes(db, clock)(app);
      methodologyRoutes()(app);
      const jobs = lazyQueue(db, config);
      if (!options.queue) app.addHook('onClose', jobs.stop);
      workshopRoutes(db, options.queue ?? jobs.get, clock)(app);
      openDataRoutes(db)(app);
      reportRoutes(db, { cache: reportCache })(app);
      // A PDF made on request starts a browser in this process; it goes with the server.
      app.addHook('onClose', async () => closePdfBrowser());
      exportRoutes(db)(app);
      inboxRoutes(db, { baseUrl: config.jobs.vkUrl, secrets: config.secrets })(app);
      alertRoutes(db, config.secrets)(app);
      trainingRoutes(db, { publicUrl: config.http.publicUrl })(app);
      notificationRoutes(db)(app);
      plannerRoutes(db, new FileStore(config.filesDir))(app);
    },
  );
}
