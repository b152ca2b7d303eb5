// GET /api/seminars: seminars of the caller's region or area, newest first.
import { principalOf } from '../../platform/http/principal.ts';
import type { App } from '../../platform/http/server.ts';
import { listSeminars } from '../training.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function listSeminarsRoute(app: App, { db }: TrainingRouteDeps): void {
  app.get(
    c.list.path,
    {
      config: { access: c.list.access },
      schema: { tags, summary: 'Seminars of your region or area, newest first' },
    },
    async (request) => ({ items: await listSeminars(db, principalOf(request)) }),
  );
}
