// `publica audit`: judge pages by a methodology version over a period; `publica audit diff A B` compares runs.

import type { Command } from 'commander';
import { diffRuns, formatPeriod, pageReport, parsePeriod, runAudit } from '../audit/index.ts';
import { loadVersion, pluralForm } from '../methodology/index.ts';
import { formatNumber } from '../platform/i18n.ts';
import { COUNTRY } from '../platform/scope.ts';
import type { CliContext } from './context.ts';
import { intOption, isoDateOption, periodOption } from './options.ts';

type AuditOptions = {
  methodology: string;
  period?: string;
  at?: string;
  region?: string;
  workers?: number;
  json?: boolean;
};

export function registerAudit(program: Command, context: () => CliContext): void {
  const audit = program
    .command('audit')
    .description('audit pages against a methodology version / аудит страниц по методике')
    .option('--methodology <version>', 'methodology version id or folder', '2023.1')
    .option(
      '--period <spec>',
      '"30d" or "YYYY-MM-DD..YYYY-MM-DD" (default: the version\'s period)',
      periodOption('--period'),
    )
    .option('--at <date>', 'end day of a relative period, YYYY-MM-DD (default: today)', isoDateOption('--at'))
    .option('--region <code>', 'only pages of this region (two-digit code)')
    .option(
      '--workers <n>',
      'worker threads (default: 2 for large runs, else 1)',
      intOption('--workers', 1, 16),
    )
    .option('--json', 'print the summary as JSON')
    .action(async (options: AuditOptions) => {
      const ctx = context();
      const db = await ctx.db();
      const version = loadVersion(options.methodology);
      const period = parsePeriod(options.period, version.defaultPeriodDays, options.at);
      const progress = ctx.progress('audit');
      const summary = await runAudit(db, {
        version,
        period,
        regionCode: options.region,
        workers: options.workers,
        onProgress: (d, n) => progress.update(d, n),
      }).finally(() => progress.stop());
      if (options.json) {
        ctx.out(JSON.stringify(summary));
        return;
      }
      const ru = ctx.lang === 'ru';
      const num = (n: number) => formatNumber(n, ctx.lang);
      ctx.out(
        ru
          ? `Аудит № ${summary.runId}: методика ${summary.version}, период ${formatPeriod(period)}, страниц: ${num(summary.pages)}, средний балл ${num(summary.meanTotal)} (${num(summary.ms)} мс)`
          : `Audit #${summary.runId}: methodology ${summary.version}, period ${formatPeriod(period)}, pages: ${num(summary.pages)}, mean score ${num(summary.meanTotal)} (${num(summary.ms)} ms)`,
      );
      const levelTitle = new Map(version.levels.map((l) => [l.id, l.title[ctx.lang]]));
      for (const level of version.levels) {
        const n = summary.levels[level.id] ?? 0;
        const share = summary.pages ? Math.round((n / summary.pages) * 1000) / 10 : 0;
        ctx.out(
          `  ${(levelTitle.get(level.id) ?? level.id).padEnd(20)} ${num(n).padStart(7)}  ${num(share)} %`,
        );
      }
      if (summary.errors > 0)
        ctx.err(ru ? `Ошибок в правилах: ${summary.errors}` : `Rule errors: ${summary.errors}`);
    });
  audit
    .command('diff <runA> <runB>')
    .description('pages whose level changed and rules that moved most / сравнить два аудита')
    .option('--json', 'print as JSON')
    .action(async (a: string, b: string, options: { json?: boolean }) => {
      const ctx = context();
      const diff = await diffRuns(await ctx.db(), Number(a), Number(b));
      if (options.json) {
        ctx.out(JSON.stringify(diff));
        return;
      }
      const ru = ctx.lang === 'ru';
      const pages = pluralForm(
        diff.changedPages,
        ru ? ['страницы', 'страниц', 'страниц'] : ['page', 'pages'],
        ctx.lang,
      );
      ctx.out(
        ru
          ? `Аудиты ${a} (${diff.versions[0]}) → ${b} (${diff.versions[1]}): уровень изменился у ${formatNumber(diff.changedPages, ctx.lang)} ${pages}`
          : `Runs ${a} (${diff.versions[0]}) → ${b} (${diff.versions[1]}): ${formatNumber(diff.changedPages, ctx.lang)} ${pages} changed level`,
      );
      // Level titles from each run's own version (a diff may compare two versions).
      const titles = new Map<string, string>();
      for (const v of [...diff.versions].reverse())
        for (const l of loadVersion(v).levels) titles.set(l.id, l.title[ctx.lang]);
      for (const t of diff.transitions.sort((x, y) => y.pages - x.pages))
        ctx.out(
          `  ${titles.get(t.from) ?? t.from} → ${titles.get(t.to) ?? t.to}: ${formatNumber(t.pages, ctx.lang)}`,
        );
      ctx.out(
        ru
          ? 'Правила, доля выполнения которых изменилась больше всего:'
          : 'Rules whose pass rate moved most:',
      );
      for (const r of diff.rules.slice(0, 10)) {
        const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
        ctx.out(`  ${r.rule.padEnd(22)} ${pct(r.passRateA).padStart(5)} → ${pct(r.passRateB).padStart(5)}`);
      }
    });
  audit
    .command('page <pageId>')
    .description("a page's report card: scores, rules, percentiles, what to fix first / карточка страницы")
    .option(
      '--run <id>',
      'an audit run (default: the latest that judged the page)',
      intOption('--run', 1, 2 ** 31),
    )
    .option('--json', 'print as JSON')
    .action(async (pageId: string, options: { run?: number; json?: boolean }) => {
      const ctx = context();
      const report = await pageReport(await ctx.db(), COUNTRY, Number(pageId), ctx.lang, options.run);
      if (options.json) {
        ctx.out(JSON.stringify(report));
        return;
      }
      const ru = ctx.lang === 'ru';
      ctx.out(
        `${ru ? 'Страница' : 'Page'} ${report.pageId}: ${report.total} — ${report.levelTitle} (${report.version}, ${formatPeriod(report.period)}, ${ru ? 'аудит' : 'run'} ${report.runId})`,
      );
      for (const c of report.categories)
        ctx.out(`  ${c.title.padEnd(34)} ${c.score === null ? '—' : Math.round(c.score * 100)}`);
      ctx.out(ru ? 'Что исправить в первую очередь:' : 'What to fix first:');
      for (const [i, r] of report.recommendations.entries())
        ctx.out(`  ${i + 1}. [${r.severity}] ${r.title}. ${r.text}`);
    });
}
