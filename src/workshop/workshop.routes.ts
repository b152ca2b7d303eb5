// Thin HTTP adapters over the methodologist's workshop (`methodology.edit`): list, fork, read, lint a change,
// save a change, preview on current data, publish, re-audit under a version, and compare two versions. A change
// with problems is refused with each problem (file, rule, field, message) in `details`, and nothing is written.
// One file per operation under routes/; this registers them all.
import { type Clock, systemClock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { App } from '../platform/http/server.ts';
import type { JobQueue } from '../platform/jobs/index.ts';
import { WORKSHOP_ROUTES } from './routes/index.ts';

export function workshopRoutes(db: Db, queue: () => Promise<JobQueue>, clock: Clock = systemClock) {
  return (app: App) => {
    for (const route of WORKSHOP_ROUTES) route(app, { db, clock, queue });
  };
}
