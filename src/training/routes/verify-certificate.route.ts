// GET /api/certificates/:code: check a certificate by its code (public).
import type { App } from '../../platform/http/server.ts';
import { verifyCertificate } from '../training.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function verifyCertificateRoute(app: App, { db }: TrainingRouteDeps): void {
  app.get(
    c.verifyCertificate.path,
    {
      config: { access: c.verifyCertificate.access },
      schema: {
        tags,
        summary: 'Check a certificate by its code: the seminar and the institution, no person named',
        params: c.verifyCertificate.params,
      },
    },
    async (request) => verifyCertificate(db, request.params.code),
  );
}
