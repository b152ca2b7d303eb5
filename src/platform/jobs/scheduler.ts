// Cron schedules on top of either job queue: a schedule (name, cron, time zone, queue, data) is stored in the
// database; the leading scheduler process enqueues each due slot once. Missed slots (the scheduler was down)
// fire once, not once per slot missed. A slot's job carries the key name@slot, so a singleton queue never
// holds the same slot twice. One schedule that fails (a bad expression or zone stored before they were checked,
// a queue that refuses) is reported and skipped; the others still fire.
import { CronExpressionParser } from 'cron-parser';
import type { Db } from '../db.ts';
import { AppError } from '../errors.ts';
import { timeZoneProblem } from './cron-check.ts';
import type { JobQueue } from './job-queue.ts';
import { listSchedules, markSlotFired, removeSchedule, upsertSchedule } from './jobs.repo.ts';
import type { Leadership } from './leader.ts';

export type ScheduleSpec = { cron: string; tz?: string; queue: string; data?: object };

export type SchedulerOptions = {
  leadership: Leadership;
  now?: () => number;
  /** How often the leader looks at the schedules; default 15 s. */
  tickMs?: number;
  onFire?: (name: string, jobId: string | null, slot: Date) => void;
  onError?: (error: unknown) => void;
  /** One schedule failed this tick (the others went on). */
  onScheduleError?: (name: string, error: unknown) => void;
};

/** The latest cron slot at or before `now` (ms), or null when the expression has none yet. */
export function latestSlot(cron: string, tz: string, now: number): number | null {
  const expression = CronExpressionParser.parse(cron, { currentDate: new Date(now + 1), tz });
  return expression.hasPrev() ? expression.prev().getTime() : null;
}

export function checkCron(name: string, cron: string, tz: string): void {
  const zone = timeZoneProblem(tz);
  if (zone) throw new AppError('VALIDATION', `schedule ${name}: ${zone}`);
  try {
    CronExpressionParser.parse(cron, { tz });
  } catch (error) {
    throw new AppError('VALIDATION', `schedule ${name}: bad cron "${cron}": ${(error as Error).message}`);
  }
}

/** Adds or changes a stored schedule (any process may; the leading scheduler fires it from the next slot). */
export async function defineSchedule(
  db: Db,
  name: string,
  spec: ScheduleSpec,
  now = Date.now(),
): Promise<void> {
  const tz = spec.tz ?? 'UTC';
  checkCron(name, spec.cron, tz);
  const known = (await listSchedules(db)).find((s) => s.name === name);
  await upsertSchedule(db, {
    name,
    cron: spec.cron,
    tz,
    queue: spec.queue,
    data: JSON.stringify(spec.data ?? {}),
    updated_at: now,
  });
  if (!known || known.cron !== spec.cron || known.tz !== tz)
    await markSlotFired(db, name, latestSlot(spec.cron, tz, now) ?? 0, now);
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
    private readonly options: SchedulerOptions,
  ) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /** Adds or changes a schedule; its first slot is the next one from now. */
  define(name: string, spec: ScheduleSpec): Promise<void> {
    return defineSchedule(this.db, name, spec, this.now());
  }

  remove(name: string): Promise<void> {
    return removeSchedule(this.db, name);
  }

  list() {
    return listSchedules(this.db);
  }

  /** Enqueues every due slot if this process leads; the slots fired. */
  async tick(): Promise<string[]> {
    if (!(await this.options.leadership.check())) return [];
    const now = this.now();
    const fired: string[] = [];
    for (const s of await listSchedules(this.db)) {
      try {
        if (await this.fire(s, now)) fired.push(s.name);
      } catch (error) {
        this.options.onScheduleError?.(s.name, error);
      }
    }
    return fired;
  }

  /** Enqueues a schedule's due slot, if any; whether it did. */
  private async fire(s: Awaited<ReturnType<typeof listSchedules>>[number], now: number): Promise<boolean> {
    const slot = latestSlot(s.cron, s.tz, now);
    if (slot === null || (s.last_slot !== null && Number(s.last_slot) >= slot)) return false;
    // Enqueued before marked: a crash in between repeats the slot (the key stops a duplicate while it waits)
    // rather than losing it.
    const id = await this.queue.send(s.queue, JSON.parse(s.data) as object, {
      singletonKey: `${s.name}@${slot}`,
    });
    await markSlotFired(this.db, s.name, slot, now);
    this.options.onFire?.(s.name, id, new Date(slot));
    return true;
  }

  start(): void {
    const run = () => {
      this.ticking = this.tick()
        .then(() => {})
        .catch((error) => this.options.onError?.(error));
    };
    run();
    this.timer = setInterval(run, this.options.tickMs ?? 15_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
    await this.options.leadership.release();
  }
}
