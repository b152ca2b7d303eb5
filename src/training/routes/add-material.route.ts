// POST /api/seminars/:id/materials: add a material by its address.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { addMaterial } from '../seminar-follow-up.service.ts';
import { c, now, type TrainingRouteDeps, tags } from './shared.ts';

export function addMaterialRoute(app: App, { db }: TrainingRouteDeps): void {
  app.post(
    c.addMaterial.path,
    {
      config: { access: c.addMaterial.access },
      schema: {
        tags,
        summary: 'Add a material (slides, recording, handout) by its address',
        params: c.addMaterial.params,
        body: c.addMaterial.body,
        response: { 200: c.addMaterial.response, ...errorResponses },
      },
    },
    async (request) => ({
      id: await addMaterial(db, principalOf(request), request.params.id, request.body, now()),
    }),
  );
}
