// The reports feature's public face (open data so far; exports and reports come with their issue).
export { openDataRoutes } from './open-data.routes.ts';
export { openData, openDataCsv } from './open-data.service.ts';
