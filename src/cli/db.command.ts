// `publica db migrate`: applies pending migrations (also done automatically by every command); safe to run from
// several processes at once (Kysely takes a lock). `publica db backup FILE`: an online copy of the SQLite file.
import fs from 'node:fs';
import type { Command } from 'commander';
import { openDb } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
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
  db.command('backup <file>')
    .description('online copy of the SQLite database (PostgreSQL: use pg_dump) / резервная копия SQLite')
    .action(async (file: string) => {
      const ctx = context();
      const handle = await ctx.db();
      if (!handle.sqlite)
        throw new AppError(
          'VALIDATION',
          'db backup copies the embedded SQLite database; for PostgreSQL use pg_dump -Fc (see docs/deploy.md)',
        );
      if (fs.existsSync(file)) throw new AppError('CONFLICT', `db backup: ${file} exists; choose a new file`);
      // SQLite's online backup: a consistent copy while the server keeps writing (WAL).
      await handle.sqlite.backup(file);
      ctx.out(ctx.lang === 'ru' ? `Копия базы записана в ${file}` : `Database copied to ${file}`);
    });
}
