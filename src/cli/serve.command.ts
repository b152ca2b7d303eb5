// `publica serve`: the HTTP API (and, once built, the web app) until SIGTERM or SIGINT.
import type { Command } from 'commander';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { serveUntilSignal } from '../platform/http/lifecycle.ts';
import type { App } from '../platform/http/server.ts';
import { translator } from '../platform/i18n.ts';
import { cliMessages } from './cli.messages.ts';
import type { CliContext } from './context.ts';
import { intOption } from './options.ts';

/** Builds the web role's server; given by the composition root, so commands do not depend on it. */
export type WebAppBuilder = (db: Db, config: Config) => Promise<App>;

export function registerServe(program: Command, context: () => CliContext, buildApp: WebAppBuilder): void {
  program
    .command('serve')
    .description('serve the HTTP API / запустить HTTP API')
    .option('--port <port>', 'port (env PUBLICA_PORT; 0 = any free port)', intOption('--port', 0, 65535))
    .option('--host <host>', 'address to listen on (env PUBLICA_HOST)')
    .action(async (options: { port?: number; host?: string }) => {
      const ctx = context();
      await serveApi(ctx, buildApp, options);
    });
}

/** Serves until a signal; returns after a graceful shutdown. */
export async function serveApi(
  ctx: CliContext,
  buildApp: WebAppBuilder,
  options: { port?: number | undefined; host?: string | undefined },
): Promise<void> {
  const t = translator(cliMessages, ctx.lang);
  const db = await ctx.db();
  const app = await buildApp(db, ctx.config);
  const { url, stopped } = await serveUntilSignal(
    app,
    { host: options.host ?? ctx.config.http.host, port: options.port ?? ctx.config.http.port },
    () => ctx.close(),
  );
  ctx.out(t('serving', { url, docs: `${url}/api/docs` }));
  await stopped;
}
