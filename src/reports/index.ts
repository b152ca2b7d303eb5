// The reports feature's public face: open data and list exports so far.

export { exportRoutes } from './export.routes.ts';
export { openDataRoutes } from './open-data.routes.ts';
export { openData, openDataCsv } from './open-data.service.ts';
