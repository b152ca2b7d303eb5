// `publica serve [--role web|worker|scheduler|all]`: the HTTP API and web app, the job workers, the scheduler —
// or all three in one process (the embedded default) — until SIGTERM or SIGINT, then a graceful stop.
import http from 'node:http';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Config, ProcessRole } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { serveUntilSignal } from '../platform/http/lifecycle.ts';
import type { App } from '../platform/http/server.ts';
import { translator } from '../platform/i18n.ts';
import type { JobQueue } from '../platform/jobs/index.ts';
import { createLog, type Log } from '../platform/log.ts';
import { createMetrics, type Metrics } from '../platform/metrics.ts';
import { cliMessages } from './cli.messages.ts';
import type { CliContext } from './context.ts';
import { intOption } from './options.ts';

/** What the composition root builds for each role, so commands do not depend on the features. */
export type RoleBuilders = {
  web: (db: Db, config: Config, metrics?: Metrics) => Promise<App>;
  background: (
    db: Db,
    config: Config,
    role: ProcessRole,
    log: Log,
    metrics?: Metrics,
  ) => Promise<{ stop(): Promise<void> } | null>;
  /** The job queue with every queue created, to enqueue from a command (nothing is worked here). */
  queue: (db: Db, config: Config) => Promise<JobQueue>;
};

type ServeOptions = { port?: number | undefined; host?: string | undefined; role?: ProcessRole | undefined };

export function registerServe(program: Command, context: () => CliContext, roles: RoleBuilders): void {
  program
    .command('serve')
    .description(
      'serve the HTTP API, job workers and scheduler / запустить API, обработчики задач и планировщик',
    )
    .option('--port <port>', 'port (env PUBLICA_PORT; 0 = any free port)', intOption('--port', 0, 65535))
    .option('--host <host>', 'address to listen on (env PUBLICA_HOST)')
    .addOption(
      new Option('--role <role>', 'what this process does (env PUBLICA_ROLE)').choices([
        'all',
        'web',
        'worker',
        'scheduler',
      ]),
    )
    .action(async (options: ServeOptions) => {
      await serveRoles(context(), roles, options);
    });
}

/**
 * Serves until a signal; returns after a graceful shutdown. `alsoStop` closes what the caller started for the
 * server (the demo's simulated VK): a listener left open would keep the process alive after the signal.
 */
export async function serveRoles(
  ctx: CliContext,
  roles: RoleBuilders,
  options: ServeOptions,
  alsoStop: () => Promise<void> = async () => {},
): Promise<void> {
  const t = translator(cliMessages, ctx.lang);
  const role = options.role ?? ctx.config.jobs.role;
  const db = await ctx.db();
  const log = createLog(ctx.config.logLevel, process.stderr, { bindings: { role, pid: process.pid } });
  const metrics = ctx.config.jobs.metrics ? createMetrics(role) : undefined;
  const background = await roles.background(db, ctx.config, role, log, metrics);
  const release = async () => {
    await background?.stop();
    await alsoStop();
    await ctx.close();
  };
  if (role === 'web' || role === 'all') {
    // `--port` moves the default public address with it (certificates print it); PUBLICA_PUBLIC_URL wins.
    const config =
      options.port && !process.env.PUBLICA_PUBLIC_URL
        ? { ...ctx.config, http: { ...ctx.config.http, publicUrl: `http://localhost:${options.port}` } }
        : ctx.config;
    const app = await roles.web(db, config, metrics);
    const { url, stopped } = await serveUntilSignal(
      app,
      { host: options.host ?? ctx.config.http.host, port: options.port ?? ctx.config.http.port },
      release,
    );
    ctx.out(t('serving', { url, docs: `${url}/api/docs` }));
    await stopped;
    return;
  }
  // Workers and the scheduler answer health checks and scrapes only when given a port.
  const server =
    options.port !== undefined
      ? await healthServer(options.host ?? ctx.config.http.host, options.port, metrics)
      : null;
  log.info(`publica ${role} started`, { health: server?.url ?? null });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  server?.close();
  await release();
}

async function healthServer(host: string, port: number, metrics?: Metrics) {
  const server = http.createServer((request, response) => {
    if (request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (request.url === '/metrics' && metrics) {
      metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const url = typeof address === 'object' && address ? `http://${host}:${address.port}` : '';
  return { url, close: () => server.close() };
}
