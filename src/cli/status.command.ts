// `publica status`: what the database holds. `--json` is a stable machine form.
import type { Command } from 'commander';
import { lastAuditRun } from '../audit/index.ts';
import { countSnapshots, lastCollectionRun } from '../collect/index.ts';
import type { Db } from '../platform/db.ts';
import { translator } from '../platform/i18n.ts';
import { countPages, countRegistry } from '../registry/index.ts';
import { cliMessages, statusNames } from './cli.messages.ts';
import type { CliContext } from './context.ts';

export async function readStatus(db: Db) {
  const [registry, pages, snapshots, collection, audit] = await Promise.all([
    countRegistry(db),
    countPages(db),
    countSnapshots(db),
    lastCollectionRun(db),
    lastAuditRun(db),
  ]);
  return {
    database: { dialect: db.dialect, url: db.label },
    ...registry,
    pages,
    ...snapshots,
    lastCollectionRun: collection ?? null,
    lastAuditRun: audit ?? null,
  };
}

export function registerStatus(program: Command, context: () => CliContext): void {
  program
    .command('status')
    .description('what the database holds / что в базе')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const ctx = context();
      const status = await readStatus(await ctx.db());
      if (options.json) {
        ctx.out(JSON.stringify(status));
        return;
      }
      const t = translator(cliMessages, ctx.lang);
      const name = translator(statusNames, ctx.lang);
      ctx.out(t('status_title', { db: status.database.url }));
      for (const key of [
        'regions',
        'municipalities',
        'institutions',
        'pages',
        'snapshots',
        'posts',
        'comments',
      ] as const)
        ctx.out(t('status_line', { name: name(key), value: status[key] }));
      const run = (r: typeof status.lastCollectionRun | typeof status.lastAuditRun, kind: string) =>
        r
          ? t('run', {
              id: r.id,
              kind,
              status: r.status,
              started: new Date(r.started_at * 1000).toISOString(),
              done: r.pages_done,
              total: r.pages_total,
            })
          : t('never');
      ctx.out(
        t('status_line', {
          name: name('lastCollectionRun'),
          value: run(status.lastCollectionRun, status.lastCollectionRun?.kind ?? ''),
        }),
      );
      ctx.out(
        t('status_line', {
          name: name('lastAuditRun'),
          value: run(status.lastAuditRun, status.lastAuditRun?.methodology_version ?? ''),
        }),
      );
    });
}
