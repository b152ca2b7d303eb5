// `publica db migrate`: applies pending migrations (also done automatically by every command).
import type { Command } from 'commander';
import { openDb } from '../platform/db.ts';
import { translator } from '../platform/i18n.ts';
import { migrateToLatest } from '../platform/migrate.ts';
import { cliMessages } from './cli.messages.ts';
import type { CliContext } from './context.ts';

export function registerDb(program: Command, context: () => CliContext): void {
  const db = program.command('db').description('database maintenance / обслуживание базы');
  db.command('migrate')
    .description('apply pending migrations / применить миграции')
    .action(async () => {
      const ctx = context();
      const handle = openDb(ctx.config.db);
      try {
        const { applied } = await migrateToLatest(handle);
        ctx.out(translator(cliMessages, ctx.lang)('migrated', { db: handle.label, count: applied.length }));
      } finally {
        await handle.close();
      }
    });
}
