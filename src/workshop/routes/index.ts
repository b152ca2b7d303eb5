// The workshop API, one file per operation; workshop.routes.ts registers them all.
import type { App } from '../../platform/http/server.ts';
import { auditRoute } from './audit.route.ts';
import { diffRoute } from './diff.route.ts';
import { editRoute } from './edit.route.ts';
import { forkRoute } from './fork.route.ts';
import { getRoute } from './get.route.ts';
import { lintRoute } from './lint.route.ts';
import { listRoute } from './list.route.ts';
import { previewRoute } from './preview.route.ts';
import { publishRoute } from './publish.route.ts';
import type { WorkshopRouteDeps } from './shared.ts';

/** In the order they register. */
export const WORKSHOP_ROUTES: ((app: App, deps: WorkshopRouteDeps) => void)[] = [
  listRoute,
  forkRoute,
  getRoute,
  lintRoute,
  editRoute,
  previewRoute,
  publishRoute,
  auditRoute,
  diffRoute,
];
