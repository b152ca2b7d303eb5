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
import { CONSOLE_ACTOR } from '../platform/audit-log.ts';
import { unixSeconds } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import {
  diffAny,
  editVersion,
  forkVersion,
  previewWorkshop,
  publishVersion,
  type VersionPatch,
} from '../workshop/index.ts';
import type { CliContext } from './context.ts';
import { readPatch } from './methodology-patch.ts';

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
    .action(async (a: string, b: string, options: { json?: boolean }) => {
      const ctx = context();
      const shippedBoth = [a, b].every((id) => listVersionIds().includes(id));
      const diff = shippedBoth
        ? diffVersions(loadVersion(a), loadVersion(b))
        : await diffAny(await ctx.db(), a, b);
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
  registerWorkshop(m, context);
}

/** `publica methodology fork|edit|preview|publish`: the methodologist's workshop from the console. */
/** A preview as lines: level counts before → after, the moves, the regions and rules that change. */
function printPreview(ctx: CliContext, p: Awaited<ReturnType<typeof previewWorkshop>>): void {
  ctx.out(`${p.before} → ${p.after}: ${p.changed} of ${p.pages} pages change level`);
  for (const l of p.levels) ctx.out(`  ${l.id.padEnd(16)} ${String(l.before).padStart(6)} → ${l.after}`);
  for (const mv of p.moves) ctx.out(`  ${mv.from} → ${mv.to}: ${mv.pages}`);
  for (const r of p.regions.filter((x) => x.changed > 0))
    ctx.out(`  region ${r.code}: ${r.changed} of ${r.pages}`);
  for (const r of p.rules)
    ctx.out(`  rule ${r.rule}: ${r.changed} pages change status; pass ${r.passBefore} → ${r.passAfter}`);
}

function registerWorkshop(m: Command, context: () => CliContext): void {
  const problems = (ctx: CliContext, error: unknown) => {
    if (error instanceof MethodologyError) for (const p of error.problems) ctx.err(formatProblem(p));
    throw error;
  };
  m.command('fork <from> <id>')
    .description('fork a version under a new id, as a draft / скопировать версию как черновик')
    .action(async (from: string, id: string) => {
      const ctx = context();
      const w = await forkVersion(await ctx.db(), CONSOLE_ACTOR, { from, id }, unixSeconds(new Date()));
      ctx.out(`forked ${w.basedOn} → ${w.id} (draft, ${w.version.rules.length} rules)`);
    });
  m.command('edit <id>')
    .description('change a draft; every change is linted / изменить черновик (с проверкой)')
    .option(
      '--set <rule.field=value...>',
      'e.g. posting-frequency.params.perWeek=5, or a text: posting-frequency.title.ru="…"',
    )
    .option(
      '--patch <file>',
      'a JSON file of changes: { rules: { <id>: { params, scoring, weight, title… } }, title, text }',
    )
    .action(async (id: string, options: { set?: string[]; patch?: string }) => {
      const ctx = context();
      const patch: VersionPatch = readPatch(options);
      try {
        const w = await editVersion(await ctx.db(), CONSOLE_ACTOR, id, patch, unixSeconds(new Date()));
        ctx.out(`ok ${w.id} (draft, hash ${w.version.hash.slice(0, 12)})`);
      } catch (error) {
        problems(ctx, error);
      }
    });
  m.command('preview <id>')
    .description(
      'the version on current data: pages that change level, per region and rule / примерка на текущих данных',
    )
    .option('--against <version>', 'compare with this version (default: the one it was forked from)')
    .option('--region <code>', 'only pages of this region')
    .option(
      '--period <period>',
      '"30d" or "YYYY-MM-DD..YYYY-MM-DD" (default: the version\'s period to today)',
    )
    .option('--json', 'print as JSON')
    .action(
      async (id: string, options: { against?: string; region?: string; period?: string; json?: boolean }) => {
        const ctx = context();
        const p = await previewWorkshop(await ctx.db(), id, {
          against: options.against,
          regionCode: options.region,
          period: options.period,
          now: new Date(),
        });
        if (options.json) {
          ctx.out(JSON.stringify(p));
          return;
        }
        printPreview(ctx, p);
      },
    );
  m.command('publish <id>')
    .description('publish a draft under its id / опубликовать черновик')
    .action(async (id: string) => {
      const ctx = context();
      try {
        const w = await publishVersion(await ctx.db(), CONSOLE_ACTOR, id, unixSeconds(new Date()));
        ctx.out(
          `published ${w.id} (hash ${w.version.hash.slice(0, 12)}); audit under it: publica audit --methodology ${w.id}`,
        );
      } catch (error) {
        problems(ctx, error);
      }
    });
}
