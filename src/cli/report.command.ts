// `publica report region 77 --format pdf --period 2026-10-01..2026-10-31 --out r.pdf`: the report of a unit
// (country, region CODE, municipality ID, institution ID) as PDF, XLSX, HTML or JSON. With --period, the audit
// of exactly that period is used, and run first (for the unit's region) when there is none.
import fs from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { parsePeriod, runAudit } from '../audit/index.ts';
import { resolveScope } from '../auth/index.ts';
import { loadVersion } from '../methodology/index.ts';
import { COUNTRY } from '../platform/scope.ts';
import {
  closePdfBrowser,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
  reportFileName,
  runForPeriod,
  unitReport,
  unitSpec,
} from '../reports/index.ts';
import type { CliContext } from './context.ts';
import { isoDateOption, periodOption } from './options.ts';

type Options = { format: ReportFormat; period?: string; at?: string; methodology: string; out?: string };

export function registerReport(program: Command, context: () => CliContext): void {
  program
    .command('report <level> [key]')
    .description('report of the country, a region, municipality or institution / отчёт по территории')
    .addOption(new Option('--format <format>', 'file format').choices([...REPORT_FORMATS]).default('pdf'))
    .option(
      '--period <spec>',
      '"30d" or "YYYY-MM-DD..YYYY-MM-DD": audit of exactly this period (run if missing)',
      periodOption('--period'),
    )
    .option('--at <date>', 'end day of a relative --period', isoDateOption('--at'))
    .option('--methodology <version>', 'methodology of an audit run for --period', '2023.1')
    .option('--out <file>', 'where to write (default: a name like publica-region-77-2026-11-29.pdf)')
    .action(async (level: string, key: string | undefined, options: Options) => {
      const ctx = context();
      const db = await ctx.db();
      const unit = await resolveScope(db, unitSpec(level, key, `report ${level}`));
      let endingBy: number | undefined;
      if (options.period) {
        const version = loadVersion(options.methodology);
        const period = parsePeriod(options.period, version.defaultPeriodDays, options.at);
        if (!(await runForPeriod(db, unit, period.start, period.end))) {
          ctx.err(
            ctx.lang === 'ru'
              ? 'Аудита за этот период нет — выполняю…'
              : 'No audit of this period yet: running one…',
          );
          await runAudit(db, {
            version,
            period,
            regionCode: unit.level === 'country' ? undefined : unit.regionCode,
          });
        }
        endingBy = period.end;
      }
      try {
        const report = await unitReport(db, COUNTRY, unit, { endingBy });
        const body = await renderReport(report, options.format, ctx.lang);
        const out = options.out ?? reportFileName(report, options.format);
        fs.writeFileSync(out, body);
        ctx.out(out);
      } finally {
        await closePdfBrowser();
      }
    });
}
