// Escalation in working hours: a question overdue past the region's settings moves to the municipality's queue,
// then the region's, with the moments it moved; weekends and holidays do not count; an answer stops it.
import { describe, expect, it } from 'vitest';
import { escalationOf } from './escalation.ts';
import { russianCalendar } from './working-hours.ts';

const at = (iso: string) => Date.parse(iso) / 1000;
const moscow = russianCalendar('Europe/Moscow', [2026]);
const settings = { toMunicipalityAfterHours: 9, toRegionAfterHours: 18 };

describe('escalation', () => {
  it('moves to the municipality one working day after the deadline, then to the region, skipping the weekend', () => {
    const due = at('2026-11-27T17:00:00+03:00'); // Friday
    expect(escalationOf(due, null, at('2026-11-30T16:59:00+03:00'), moscow, settings).level).toBe('page');
    const later = escalationOf(due, null, at('2026-12-01T17:00:00+03:00'), moscow, settings);
    expect(later.level).toBe('region');
    expect(later.history).toEqual([
      { level: 'municipality', at: at('2026-11-30T17:00:00+03:00') },
      { level: 'region', at: at('2026-12-01T17:00:00+03:00') },
    ]);
  });

  it('stops where the question was when it was answered, and refuses settings that go backwards', () => {
    const due = at('2026-11-27T17:00:00+03:00');
    const answered = escalationOf(
      due,
      at('2026-11-30T18:00:00+03:00'),
      at('2026-12-10T12:00:00+03:00'),
      moscow,
      settings,
    );
    expect(answered.level).toBe('municipality');
    expect(() =>
      escalationOf(due, null, due, moscow, { toMunicipalityAfterHours: 10, toRegionAfterHours: 5 }),
    ).toThrow(/toRegionAfterHours/);
  });
});
