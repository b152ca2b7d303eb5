// DELETE /api/seminars/:id/materials/:materialId: remove a material.
import { principalOf } from '../../platform/http/principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/server.ts';
import { removeMaterial } from '../seminar-follow-up.service.ts';
import { c, type TrainingRouteDeps, tags } from './shared.ts';

export function removeMaterialRoute(app: App, { db }: TrainingRouteDeps): void {
  app.delete(
    c.removeMaterial.path,
    {
      config: { access: c.removeMaterial.access },
      schema: {
        tags,
        summary: 'Remove a material',
        params: c.removeMaterial.params,
        response: { 200: c.removeMaterial.response, ...errorResponses },
      },
    },
    async (request) => {
      await removeMaterial(db, principalOf(request), request.params.id, request.params.materialId);
      return { removed: true };
    },
  );
}
