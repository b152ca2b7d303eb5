// The analytics feature's public face.

export type { PageFilter, PageSort } from './analytics.repo.ts';
export { analyticsRoutes, pageListFilters } from './analytics.routes.ts';
export { eachPage, listPages, type PageItem, pageScores, type Rollup, rollup } from './analytics.service.ts';
