// `publica import registry FILE`: reads a CSV or XLSX registry into the database.
import type { Command } from 'commander';
import { formatProblems, formatSummary, importRegistryFile } from '../registry/index.ts';
import type { CliContext } from './context.ts';

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
}
