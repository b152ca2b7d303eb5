// POST /api/seminars/:id/attendance/upload: attendance from a list of INNs.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { receiveFile, UPLOAD_LIMITS } from '../../platform/http/upload.ts';
import { uploadAttendance } from '../seminar-follow-up.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function uploadAttendanceRoute(app: App, { db }: TrainingRouteDeps): void {
  app.post(
    c.uploadAttendance.path,
    {
      config: { access: c.uploadAttendance.access },
      schema: {
        tags,
        summary:
          'Attendance from a list (multipart field "file": CSV with a column "ИНН", or INNs in the first column). A bad row changes nothing unless skipInvalid; dryRun only checks.',
        params: c.uploadAttendance.params,
        querystring: c.uploadAttendance.query,
        response: {
          200: c.uploadAttendance.response,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      // Streamed to a temporary file within the route's limit, read from there in a worker thread.
      const file = await receiveFile(request, {
        maxBytes: UPLOAD_LIMITS.attendance,
        missing: 'send the list as multipart/form-data with a "file" field',
      });
      try {
        return await uploadAttendance(db, principalOf(request), request.params.id, file, {
          dryRun: request.query.dryRun ?? false,
          skipInvalid: request.query.skipInvalid ?? false,
        });
      } finally {
        file.discard();
      }
    },
  );
}
