// The analytics feature's public face.

export {
  analyticsContract,
  type PageCardView,
  type PageItemView,
  type PageListView,
  pageListFilters,
} from './analytics.contract.ts';
export { doneRunsFor, type GroupBy, type PageFilter, type PageSort } from './analytics.repo.ts';
export { analyticsRoutes } from './analytics.routes.ts';
export {
  type DoneRun,
  eachPage,
  listPages,
  type PageItem,
  pageScores,
  type Rollup,
  type RollupRow,
  rollup,
} from './analytics.service.ts';
