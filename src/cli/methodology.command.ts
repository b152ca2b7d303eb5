// `publica methodology lint|show|diff|calibrate`: check, read and compare versions; calibrate curves from a run.
import type { Command } from 'commander';
import { calibrate } from '../audit/index.ts';
import {
  diffVersions,
  formatProblem,
  listVersionIds,
  loadVersion,
  MethodologyError,
} from '../methodology/index.ts';
import { AppError } from '../platform/errors.ts';
import type { CliContext } from './context.ts';

export function registerMethodology(program: Command, context: () => CliContext): void {
  const m = program.command('methodology').description('methodology versions / версии методики');
  m.command('lint [versions...]')
    .description('validate versions (all when none named) / проверить версии')
    .action((versions: string[]) => {
      const ctx = context();
      const ids = versions.length > 0 ? versions : listVersionIds();
      let failed = 0;
      for (const id of ids) {
        try {
          const v = loadVersion(id);
          ctx.out(`ok ${v.id} (${v.status}, ${v.rules.length} rules, ${v.hash.slice(0, 12)})`);
        } catch (error) {
          failed++;
          if (error instanceof MethodologyError) for (const p of error.problems) ctx.err(formatProblem(p));
          else ctx.err(`${id}: ${(error as Error).message}`);
        }
      }
      if (failed > 0) throw new AppError('VALIDATION', `${failed} of ${ids.length} versions have problems`);
    });
  m.command('show <version>')
    .description('categories, rules, weights and thresholds / показать версию')
    .option('--rule <id>', 'one rule in full')
    .option('--json', 'print as JSON')
    .action((id: string, options: { rule?: string; json?: boolean }) => {
      const ctx = context();
      const v = loadVersion(id);
      const { dir: _dir, text: _text, ...data } = v;
      if (options.rule) {
        const rule = v.rules.find((r) => r.id === options.rule);
        if (!rule) throw new AppError('NOT_FOUND', `rule ${options.rule} is not in ${v.id}`);
        ctx.out(options.json ? JSON.stringify(rule) : JSON.stringify(rule, null, 2));
        return;
      }
      if (options.json) {
        ctx.out(JSON.stringify(data));
        return;
      }
      ctx.out(`${v.id} — ${v.title[ctx.lang]} (${v.status}, hash ${v.hash.slice(0, 12)})`);
      for (const c of v.categories) {
        ctx.out(`\n${c.title[ctx.lang]} [${c.id}], weight ${c.weight}`);
        for (const r of v.rules.filter((x) => x.category === c.id))
          ctx.out(
            `  ${r.id.padEnd(22)} w=${String(r.weight).padEnd(3)} ${r.severity.padEnd(9)} ${JSON.stringify(r.params)}  ${r.title[ctx.lang]}`,
          );
      }
      ctx.out(`\nlevels: ${v.levels.map((l) => l.id).join(' → ')}`);
    });
  m.command('diff <a> <b>')
    .description('what changed between two versions / сравнить версии')
    .option('--json', 'print as JSON')
    .action((a: string, b: string, options: { json?: boolean }) => {
      const ctx = context();
      const diff = diffVersions(loadVersion(a), loadVersion(b));
      if (options.json) {
        ctx.out(JSON.stringify(diff));
        return;
      }
      ctx.out(`${a} → ${b}`);
      if (diff.added.length) ctx.out(`  added: ${diff.added.join(', ')}`);
      if (diff.removed.length) ctx.out(`  removed: ${diff.removed.join(', ')}`);
      for (const c of diff.changed)
        ctx.out(`  ${c.rule}.${c.field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`);
      for (const c of diff.categories) ctx.out(`  category ${c.id}: ${c.from ?? '—'} → ${c.to ?? '—'}`);
      if (diff.levelsChanged) ctx.out('  levels changed');
      if (diff.scoringChanged) ctx.out('  scoring changed');
    });
  m.command('calibrate <run>')
    .description('propose p10/median of log-normal rules from a run / откалибровать шкалы по аудиту')
    .option('--json', 'print as JSON')
    .action(async (run: string, options: { json?: boolean }) => {
      const ctx = context();
      const result = await calibrate(await ctx.db(), Number(run));
      if (options.json) {
        ctx.out(JSON.stringify(result));
        return;
      }
      ctx.out(`# proposed control points for ${result.version}, from audit run ${run}`);
      for (const r of result.rules)
        ctx.out(
          `${r.rule}: scoring: { type: log-normal, p10: ${r.proposed.p10}, median: ${r.proposed.median} }   # now p10 ${r.current.p10}, median ${r.current.median}; n=${r.n}`,
        );
    });
}
