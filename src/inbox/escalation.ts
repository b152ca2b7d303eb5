// Escalation of an unanswered question: overdue by N working hours (a setting per region) it goes to the
// municipality's queue, and after M more to the region's. The history is derived from the deadline and the
// page's working calendar, so it is the same whenever it is computed and survives restarts.
import { addWorkingSeconds, type WorkCalendar } from './working-hours.ts';

export type EscalationLevel = 'page' | 'municipality' | 'region';
export type EscalationSettings = {
  /** Working hours past the deadline before the municipality's queue gets the question. */
  toMunicipalityAfterHours: number;
  /** Working hours past the deadline before the region's queue gets it. */
  toRegionAfterHours: number;
};

export const DEFAULT_ESCALATION: EscalationSettings = { toMunicipalityAfterHours: 9, toRegionAfterHours: 27 };

export type Escalation = { level: EscalationLevel; history: { level: EscalationLevel; at: number }[] };

/** Where an unanswered question sits now, and when it moved (null answer = still waiting). */
export function escalationOf(
  dueAt: number,
  answeredAt: number | null,
  now: number,
  cal: WorkCalendar,
  settings: EscalationSettings = DEFAULT_ESCALATION,
): Escalation {
  if (settings.toRegionAfterHours < settings.toMunicipalityAfterHours)
    throw new Error('escalation: toRegionAfterHours must not be less than toMunicipalityAfterHours');
  const until = answeredAt ?? now;
  const steps: { level: EscalationLevel; at: number }[] = [
    { level: 'municipality', at: addWorkingSeconds(dueAt, settings.toMunicipalityAfterHours * 3600, cal) },
    { level: 'region', at: addWorkingSeconds(dueAt, settings.toRegionAfterHours * 3600, cal) },
  ];
  const history = steps.filter((s) => s.at <= until);
  return { level: history.at(-1)?.level ?? 'page', history };
}
