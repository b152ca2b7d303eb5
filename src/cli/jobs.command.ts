// `publica jobs`: enqueue a collection (then an audit) or an audit for the workers, and see the queues, the
// schedules, the VK token leases and the runs in progress.
import type { Command } from 'commander';
import { listSchedules } from '../platform/jobs/jobs.repo.ts';
import type { CliContext } from './context.ts';
import { intOption, isoDateOption, periodOption } from './options.ts';
import type { RoleBuilders } from './serve.command.ts';

export function registerJobs(program: Command, context: () => CliContext, roles: RoleBuilders): void {
  const jobs = program.command('jobs').description('background jobs / фоновые задачи');
  const enqueue = jobs.command('enqueue').description('give work to the workers / поставить задачу');
  enqueue
    .command('collect')
    .description('collect every page from VK, then audit / собрать данные из VK, затем аудит')
    .option('--window <days>', 'days of posts to read', intOption('--window', 1, 3650))
    .option('--no-audit', 'do not audit when the collection is done')
    .option(
      '--period <spec>',
      "period of the audit that follows (default: the version's period)",
      periodOption('--period'),
    )
    .option('--at <date>', "end day of the audit's relative period, YYYY-MM-DD", isoDateOption('--at'))
    .action(async (options: { window?: number; audit: boolean; period?: string; at?: string }) => {
      const ctx = context();
      const audit = {
        ...(options.period ? { period: options.period } : {}),
        ...(options.at ? { at: options.at } : {}),
      };
      await send(ctx, roles, 'collect.run', {
        windowDays: options.window ?? ctx.config.jobs.collectWindowDays,
        ...(options.audit ? { followUp: { queue: 'audit.run', data: audit } } : {}),
      });
    });
  enqueue
    .command('audit')
    .description('audit pages in shards on the workers / аудит на обработчиках')
    .option('--methodology <version>', 'methodology version id', '2023.1')
    .option(
      '--period <spec>',
      '"30d" or "YYYY-MM-DD..YYYY-MM-DD" (default: the version\'s period)',
      periodOption('--period'),
    )
    .option('--at <date>', 'end day of a relative period, YYYY-MM-DD', isoDateOption('--at'))
    .option('--region <code>', 'only pages of this region')
    .action(async (options: { methodology: string; period?: string; at?: string; region?: string }) => {
      await send(context(), roles, 'audit.run', {
        methodology: options.methodology,
        ...(options.period ? { period: options.period } : {}),
        ...(options.at ? { at: options.at } : {}),
        ...(options.region ? { regionCode: options.region } : {}),
      });
    });
  jobs
    .command('status')
    .description('queues, schedules, token leases / очереди, расписания, токены')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const ctx = context();
      const db = await ctx.db();
      const queue = await roles.queue(db, ctx.config);
      try {
        const status = {
          queue: queue.kind,
          jobs: await queue.counts(),
          schedules: (await listSchedules(db)).map((s) => ({
            name: s.name,
            cron: s.cron,
            tz: s.tz,
            lastSlot: s.last_slot === null ? null : new Date(Number(s.last_slot)).toISOString(),
          })),
        };
        if (options.json) {
          ctx.out(JSON.stringify(status));
          return;
        }
        ctx.out(`${ctx.lang === 'ru' ? 'Очередь' : 'Queue'}: ${status.queue}`);
        for (const c of status.jobs) ctx.out(`  ${c.queue.padEnd(16)} ${c.state.padEnd(10)} ${c.count}`);
        for (const s of status.schedules)
          ctx.out(`  ${s.name.padEnd(16)} ${s.cron} (${s.tz}) ${s.lastSlot ?? '-'}`);
      } finally {
        await queue.stop({ timeoutMs: 1000 });
      }
    });
}

async function send(ctx: CliContext, roles: RoleBuilders, name: string, data: object): Promise<void> {
  const db = await ctx.db();
  const queue = await roles.queue(db, ctx.config);
  try {
    const id = await queue.send(name, data);
    ctx.out(
      id === null
        ? ctx.lang === 'ru'
          ? `${name}: такая задача уже ждёт в очереди`
          : `${name}: one is already waiting`
        : id,
    );
  } finally {
    await queue.stop({ timeoutMs: 1000 });
  }
}
