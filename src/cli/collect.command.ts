// `publica collect --vk URL --token kind:token[:perSecond]…`: collect pages, posts and comments from the VK API
// (the simulated VK in tests and the demo). Tokens also come from PUBLICA_VK_TOKENS (comma-separated specs) and
// from those stored sealed by `publica vk-token add`.
import type { Command } from 'commander';
import { collect } from '../collect/index.ts';
import { AppError } from '../platform/errors.ts';
import { VK_API_URL, withStoredTokens } from '../vk/index.ts';
import type { CliContext } from './context.ts';
import { intOption } from './options.ts';
import { parseTokenSpecs } from './vk-sim.command.ts';

type Options = { vk?: string; token: string[]; window: number; json?: boolean };

export function registerCollect(program: Command, context: () => CliContext): void {
  program
    .command('collect')
    .description('collect pages, posts and comments from the VK API / собрать данные из VK API')
    .option(
      '--vk <url>',
      'VK API base URL (env PUBLICA_VK_URL; default https://api.vk.ru, the host VK uses now)',
    )
    .option(
      '--token <spec>',
      'kind:token[:perSecond] (repeatable; env PUBLICA_VK_TOKENS)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--window <days>', 'how many days of posts to read', intOption('--window', 1, 3650), 120)
    .option('--json', 'print the report as JSON')
    .action(async (options: Options) => {
      const ctx = context();
      const baseUrl = options.vk ?? process.env.PUBLICA_VK_URL ?? VK_API_URL;
      const db = await ctx.db();
      const given = parseTokenSpecs([...options.token, ...(ctx.config.jobs.vkTokens ?? '').split(',')]);
      const tokens = await withStoredTokens(db, ctx.config.secrets, given);
      if (tokens.length === 0)
        throw new AppError(
          'VALIDATION',
          'collect: give --token kind:token, set PUBLICA_VK_TOKENS or store one with publica vk-token add',
        );
      const bar = ctx.progress('collect');
      const report = await collect(db, {
        baseUrl,
        tokens,
        windowDays: options.window,
        onProgress: (p) =>
          bar.update(
            p.pagesDone,
            p.pagesTotal,
            `${p.requestsPerSecond}/${p.ceiling} req/s, ${p.tokens} tokens live`,
          ),
      }).finally(() => bar.stop());
      if (options.json) ctx.out(JSON.stringify(report));
      else
        ctx.out(
          ctx.lang === 'ru'
            ? `Сбор № ${report.runId}: страниц ${report.pages} (недоступно ${report.inaccessible}), новых постов ${report.posts}, комментариев ${report.comments}; запросов ${report.requests} за ${report.seconds} с (${report.requestsPerSecond}/с при потолке ${report.ceiling}/с)`
            : `Collection #${report.runId}: ${report.pages} pages (${report.inaccessible} inaccessible), ${report.posts} new posts, ${report.comments} comments; ${report.requests} requests in ${report.seconds} s (${report.requestsPerSecond}/s of a ${report.ceiling}/s ceiling)`,
        );
    });
}
