// `publica calendar`: load next year's official production calendar without a release, and show the days a
// region's deadlines skip.
import fs from 'node:fs';
import type { Command } from 'commander';
import { daySets, loadedCalendars, parseYearCalendar, storeCalendar } from '../inbox/index.ts';
import type { CliContext } from './context.ts';

export function registerCalendar(program: Command, context: () => CliContext): void {
  const calendar = program.command('calendar').description('working calendar / производственный календарь');
  calendar
    .command('load <file>')
    .description('load a year of the production calendar (JSON) / загрузить производственный календарь')
    .action(async (file: string) => {
      const ctx = context();
      // Validated before anything is written: a wrong file names its field and changes nothing.
      const cal = parseYearCalendar(fs.readFileSync(file, 'utf8'));
      await storeCalendar(await ctx.db(), cal, Math.floor(Date.now() / 1000));
      ctx.out(
        `calendar ${cal.year}: ${cal.daysOff.length} days off, ${cal.workingDays?.length ?? 0} working weekend days, ${cal.shortDays?.length ?? 0} short days (${cal.source})`,
      );
    });
  calendar
    .command('show <year>')
    .description('days off and short days of a year / выходные и сокращённые дни')
    .option('--region <code>', 'with the holidays of this region')
    .action(async (year: string, options: { region?: string }) => {
      const ctx = context();
      const y = Number(year);
      if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new Error('year: expected 2000–2100');
      const sets = daySets([y], options.region ?? null, await loadedCalendars(await ctx.db()));
      ctx.out(
        JSON.stringify({
          daysOff: [...sets.holidays].sort(),
          workingWeekends: [...sets.workingWeekends].sort(),
          shortDays: [...sets.shortDays].sort(),
        }),
      );
    });
}
