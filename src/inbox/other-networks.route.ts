// HTTP adapter of the comments waiting on the institutions' OK topics: counted per topic, linked to OK.
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound } from '../platform/scope.ts';
import { findPageInScope } from '../registry/index.ts';
import { otherNetworksRoute as r } from './other-networks.contract.ts';
import { otherNetworkComments } from './other-networks.ts';

export function otherNetworksRoutes(db: Db) {
  return (app: App) => {
    app.get(
      r.path,
      {
        config: { access: r.access },
        schema: {
          tags: ['inbox'],
          summary:
            "People's comments on the institutions' OK topics, counted per topic with links to answer on OK",
          querystring: r.query,
          response: { 200: r.response, ...errorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { pageId } = request.query;
        // A filter naming a page outside the scope is answered like a page that does not exist.
        if (pageId !== undefined && !(await findPageInScope(db, principal.scope, pageId)))
          throw notFound('page', pageId, 'query.pageId');
        return otherNetworkComments(db, principal, request.query, Math.floor(Date.now() / 1000));
      },
    );
  };
}
