// `publica import registry FILE`: reads a CSV or XLSX registry into the database.
import type { Command } from 'commander';
import { importVkComments, importVkGroups, importVkWall } from '../collect/index.ts';
import { formatProblems, formatSummary, importRegistryFile } from '../registry/index.ts';
import type { CliContext } from './context.ts';
import { intOption } from './options.ts';

export function registerImport(program: Command, context: () => CliContext): void {
  const group = program.command('import').description('import data / импорт данных');
  group
    .command('registry <file>')
    .description('import institutions and their pages from CSV or XLSX / импорт реестра учреждений')
    .option('--skip-invalid', 'write the valid rows and report the rest / записать верные строки')
    .option('--json', 'print the report as JSON / отчёт в JSON')
    .action(async (file: string, options: { skipInvalid?: boolean; json?: boolean }) => {
      const ctx = context();
      const progress = ctx.progress('registry');
      const report = await importRegistryFile(await ctx.db(), file, {
        skipInvalid: options.skipInvalid,
        onProgress: (done, total) => progress.update(done, total),
      }).finally(() => progress.stop());
      if (options.json) {
        ctx.out(JSON.stringify(report));
        return;
      }
      for (const line of formatProblems(report, ctx.lang)) ctx.err(line);
      ctx.out(formatSummary(report, ctx.lang));
    });
  group
    .command('vk-wall <file>')
    .description('posts from a saved wall.get / wall.getById response / посты из ответа wall.get')
    .requiredOption('--page <ref>', 'the community: VK id or screen name')
    .action(async (file: string, options: { page: string }) => {
      const ctx = context();
      ctx.out(JSON.stringify(await importVkWall(await ctx.db(), file, options.page)));
    });
  group
    .command('vk-comments <file>')
    .description('comments from a saved wall.getComments response / комментарии из ответа wall.getComments')
    .requiredOption('--page <ref>', 'the community: VK id or screen name')
    .option(
      '--post <id>',
      'the post the comments belong to, when the response does not say',
      intOption('--post', 1, 2 ** 31),
    )
    .action(async (file: string, options: { page: string; post?: number }) => {
      const ctx = context();
      ctx.out(JSON.stringify(await importVkComments(await ctx.db(), file, options.page, options.post)));
    });
  group
    .command('vk-groups <file>')
    .description('community profiles from a saved groups.getById response / профили сообществ')
    .action(async (file: string) => {
      const ctx = context();
      ctx.out(JSON.stringify(await importVkGroups(await ctx.db(), file)));
    });
}
