// GET /api/seminars/:id/certificates/:institutionId: an attendee's certificate as PDF.
import { principalOf } from '../../platform/http/principal.ts';
import type { App } from '../../platform/http/server.ts';
import { certificatePdf } from '../seminar-follow-up.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function getCertificateRoute(app: App, { db, publicUrl }: TrainingRouteDeps): void {
  app.get(
    c.certificate.path,
    {
      config: { access: c.certificate.access },
      schema: {
        tags,
        summary: 'An attendee’s certificate as PDF, with its verification code',
        params: c.certificate.params,
        querystring: c.certificate.query,
      },
    },
    async (request, reply) => {
      const origin = publicUrl.replace(/\/+$/, '');
      const { pdf, code } = await certificatePdf(
        db,
        principalOf(request),
        request.params.id,
        request.params.institutionId,
        { lang: request.query.lang, origin },
      );
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="publica-certificate-${code}.pdf"`)
        .send(pdf);
    },
  );
}
