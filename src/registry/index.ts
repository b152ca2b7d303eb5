// The registry feature's public face: what siblings and the CLI may use.

export {
  formatFileProblem,
  formatProblems,
  formatRejection,
  formatSummary,
  isFileProblem,
  isImportReport,
} from './import-report.format.ts';
export { parseMaxUrl } from './max-url.ts';
export { okGroupUrl, parseOkUrl } from './ok-url.ts';
export {
  type AuditTarget,
  countPages,
  findVkPage,
  type KnownPage,
  listAuditTargets,
  listPagesWithCommunity,
  upsertKnownPages,
} from './page.repo.ts';
export { markNetworkPage, setPageStatusFromNetwork, setPagesCollectedAt } from './page-collection.repo.ts';
export type { PageRef, UrlResult } from './page-ref.ts';
export { ogrnsOfPages, selectPagesInScope } from './page-scope.repo.ts';
export { regionVersion, regionVersions, setRegionVersion } from './region-version.repo.ts';
export { regionVersionRoutes } from './region-version.routes.ts';
export { regionCodes, regionSeeds } from './regions.data.ts';
export {
  type MunicipalityView,
  pageRefSchema,
  type RegionVersionView,
  type RegionView,
  registryContract,
} from './registry.contract.ts';
export { registryMessages } from './registry.messages.ts';
export {
  countRegistry,
  findInstitutionPlacement,
  findMunicipality,
  findRegion,
} from './registry.repo.ts';
export { registryRoutes } from './registry.routes.ts';
export { REGISTRY_FIELDS, readCsv, readGrid, readRegistryFile } from './registry-file.reader.ts';
export { type ImportReport, importRegistry, importRegistryFile } from './registry-import.service.ts';
export {
  eachInstitutionInScope,
  findPageInScope,
  firstPlacedInstitution,
  type InstitutionRow,
  pagesOfInstitution,
} from './registry-read.repo.ts';
export { validateRecord } from './registry-row.ts';
export { checkUnitFilters } from './registry-scope.ts';
export { completeInn10, completeOgrn13, isValidInn, isValidOgrn } from './tax-ids.ts';
export { parseVkUrl, type VkPageRef, vkPageUrl } from './vk-url.ts';
