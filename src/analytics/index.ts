// The analytics feature's public face.
export { analyticsRoutes } from './analytics.routes.ts';
export { listPages, pageScores, type Rollup, rollup } from './analytics.service.ts';
