// `publica world generate|load`: the deterministic demo world, and loading it straight into the database.
import type { Command } from 'commander';
import { loadWorld } from '../collect/index.ts';
import { translator } from '../platform/i18n.ts';
import { generateWorld, writeWorld } from '../vk-sim/index.ts';
import { cliMessages } from './cli.messages.ts';
import type { CliContext } from './context.ts';
import { intOption, isoDateOption, todayUtc } from './options.ts';

export function registerWorld(program: Command, context: () => CliContext): void {
  const world = program.command('world').description('the demo world / демонстрационный мир');
  world
    .command('generate')
    .description('generate a deterministic world / создать мир')
    .requiredOption('--out <dir>', 'where to write the world / куда записать')
    .option('--institutions <n>', 'number of institutions', intOption('--institutions', 1, 1_000_000), 1000)
    .option('--regions <k>', 'number of regions (1..89)', intOption('--regions', 1, 89), 5)
    .option('--seed <s>', 'random seed', intOption('--seed', 0, 2 ** 32 - 1), 1)
    .option('--as-of <date>', 'end of history, YYYY-MM-DD (default: today UTC)', isoDateOption('--as-of'))
    .option('--days <d>', 'days of history', intOption('--days', 1, 730), 120)
    .option(
      '--truth-cases',
      "VK's content-truth cases on walls: visitors' posts, announced broadcasts, vanishing comments, long threads",
    )
    .option('--json', 'print the world summary as JSON')
    .action(
      (options: {
        out: string;
        institutions: number;
        regions: number;
        seed: number;
        asOf?: string;
        days: number;
        truthCases?: boolean;
        json?: boolean;
      }) => {
        const ctx = context();
        const started = performance.now();
        const generated = generateWorld({
          institutions: options.institutions,
          regions: options.regions,
          seed: options.seed,
          asOf: options.asOf ?? todayUtc(),
          days: options.days,
          ...(options.truthCases ? { truthCases: true } : {}),
        });
        writeWorld(options.out, generated);
        const ms = Math.round(performance.now() - started);
        if (options.json) ctx.out(JSON.stringify({ dir: options.out, ...generated.meta, ms }));
        else
          ctx.out(
            translator(cliMessages, ctx.lang)('world_written', {
              dir: options.out,
              ...generated.meta.counts,
              ms,
            }),
          );
      },
    );
  world
    .command('load <dir>')
    .description('load a world into the database, bypassing VK / загрузить мир в базу')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, options: { json?: boolean }) => {
      const ctx = context();
      const progress = ctx.progress('pages');
      const report = await loadWorld(await ctx.db(), dir, {
        onProgress: (done, total) => progress.update(done, total),
      }).finally(() => progress.stop());
      if (options.json) ctx.out(JSON.stringify(report));
      else ctx.out(translator(cliMessages, ctx.lang)('world_loaded', report));
    });
}
