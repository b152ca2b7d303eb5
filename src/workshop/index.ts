// The methodologist's workshop: fork, edit with lint, preview, publish, re-audit, compare.
export { previewWorkshop } from './preview.ts';
export { enqueueReaudit, type ReauditStatus, reauditStatus } from './reaudit.service.ts';
export { workshopContract } from './workshop.contract.ts';
export { workshopRoutes } from './workshop.routes.ts';
export {
  anyVersion,
  diffAny,
  editVersion,
  forkVersion,
  getWorkshopVersion,
  lintChange,
  listWorkshop,
  loadPublishedVersions,
  publishVersion,
  TEXT_FIELDS,
  type VersionPatch,
  type WorkshopVersion,
} from './workshop.service.ts';
