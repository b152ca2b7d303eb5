// POST /api/seminars/:id/attendance: mark who attended.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { recordAttendance } from '../training.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function recordAttendanceRoute(app: App, { db }: TrainingRouteDeps): void {
  app.post(
    c.attendance.path,
    {
      config: { access: c.attendance.access },
      schema: {
        tags,
        summary: 'Mark who attended (registered institutions); each gets a certificate code',
        params: c.attendance.params,
        body: c.attendance.body,
        response: { 200: c.attendance.response, ...errorResponses },
      },
    },
    async (request) => ({
      attended: await recordAttendance(
        db,
        principalOf(request),
        request.params.id,
        request.body.institutionIds,
      ),
    }),
  );
}
