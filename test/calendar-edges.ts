// Calendar edge values no date parameter may take: rolled-over months and days, a year 0, a leap day of a
// common year, just outside 2000–2100, and local times past 23:59.
export const BAD_DATES = ['2026-13-45', '0000-01-01', '2026-02-30', '2025-02-29', '1999-12-31', '2101-01-01'];
export const BAD_LOCAL_TIMES = [
  '2026-13-45T25:61',
  '2026-02-30T10:00',
  '2026-03-01T25:00',
  '0000-01-01T00:00',
];
