// The networks feature's public face: the port every network declares, the common model, and the VK, OK and
// MAX adapters, clients and collectors.

// The OK and MAX address parsers are the registry's (it reads the addresses); passed on for the networks' users.
export { okGroupUrl, parseMaxUrl, parseOkUrl } from '../registry/index.ts';
export { networkCoverageRoutes } from './coverage.routes.ts';
export { networkCoverage } from './coverage.service.ts';
export {
  type CoverageFigures,
  coverageByUnit,
  coverageFigures,
  type InstitutionCoverage,
  institutionCoverage,
  type PresenceFact,
} from './coverage.ts';
export { MAX_METHODS, maxPort } from './max/max.port.ts';
export { classifyMax, MAX_API_URL, MaxApiError, MaxClient } from './max/max-client.ts';
export { collectMaxPages, type MaxRunSummary } from './max/max-collect.service.ts';
export { botChannels, collectMaxChannel, type MaxCollected, publishMaxPost } from './max/max-collect.ts';
export { parseMaxChat, parseMaxMessages } from './max/max-parse.ts';
export * from './model.ts';
export {
  NET_COLLECT,
  type NetCollectConfig,
  type NetCollectData,
  netClients,
  netCollectConfig,
  netCollectJobs,
  runNetCollect,
} from './net-collect-jobs.ts';
export type { NetCollectOptions } from './net-collect-options.ts';
export { type NetworkCoverageView, networksContract } from './networks.contract.ts';
export { NETWORKS, networkOf, requiredNetworks } from './networks.ts';
export { okPort } from './ok/ok.port.ts';
export { OK_API_URL, OkClient, type OkCredentials } from './ok/ok-client.ts';
export { collectOkPages, type OkRunSummary } from './ok/ok-collect.service.ts';
export { collectOkGroup, type OkCollected, resolveOkGroupId } from './ok/ok-collect.ts';
export { classifyOk, OK_ERRORS, OkApiError, OkTransportError } from './ok/ok-errors.ts';
export { OK, OK_METHOD_NAMES, OK_METHODS } from './ok/ok-methods.ts';
export { parseOkComments, parseOkGroup, parseOkTopics } from './ok/ok-parse.ts';
export { type OkDraft, publishOkTopic } from './ok/ok-publish.ts';
export { okSessionSecret, okSignature } from './ok/ok-sig.ts';
export {
  methodOf,
  type NetLimits,
  type NetMethod,
  type NetworkPort,
  type PageRef,
  type Provenance,
  type UrlResult,
} from './port.ts';
export { vkPort } from './vk/vk.port.ts';
