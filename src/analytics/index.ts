// The analytics feature's public face.

export { doneRunsFor, type GroupBy, type PageFilter, type PageSort } from './analytics.repo.ts';
export { analyticsRoutes, pageListFilters } from './analytics.routes.ts';
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
