// Every feature contract in one table: the server's routes are checked against it and the web app's client
// (web/src/lib/client.ts) is typed from it, type-only, by "METHOD /path" keys.
import { alertsContract } from '../alerts/index.ts';
import { analyticsContract } from '../analytics/index.ts';
import { auditContract, networkReportContract } from '../audit/index.ts';
import { authContract } from '../auth/index.ts';
import { collectContract } from '../collect/index.ts';
import { inboxContract, vkCallbackContract } from '../inbox/index.ts';
import { methodologyContract } from '../methodology/index.ts';
import { networksContract } from '../networks/index.ts';
import { notificationsContract } from '../notifications/index.ts';
import { plannerContract } from '../planner/index.ts';
import type { RouteContract, RoutesByKey } from '../platform/http/contract.ts';
import { healthContract } from '../platform/http/health.contract.ts';
import { registryContract } from '../registry/index.ts';
import { openDataContract, reportsContract } from '../reports/index.ts';
import { trainingContract } from '../training/index.ts';
import { workshopContract } from '../workshop/index.ts';

export const apiContracts: Record<string, Record<string, RouteContract>> = {
  alerts: alertsContract,
  analytics: analyticsContract,
  audit: { ...auditContract, networkReport: networkReportContract.report },
  auth: authContract,
  collect: collectContract,
  health: healthContract,
  inbox: { ...inboxContract, ...vkCallbackContract },
  methodology: methodologyContract,
  networks: networksContract,
  notifications: notificationsContract,
  openData: openDataContract,
  planner: plannerContract,
  registry: registryContract,
  reports: reportsContract,
  training: trainingContract,
  workshop: workshopContract,
};

export type ApiRoutes = RoutesByKey<typeof alertsContract> &
  RoutesByKey<typeof analyticsContract> &
  RoutesByKey<typeof auditContract> &
  RoutesByKey<typeof networkReportContract> &
  RoutesByKey<typeof authContract> &
  RoutesByKey<typeof collectContract> &
  RoutesByKey<typeof healthContract> &
  RoutesByKey<typeof inboxContract> &
  RoutesByKey<typeof vkCallbackContract> &
  RoutesByKey<typeof methodologyContract> &
  RoutesByKey<typeof networksContract> &
  RoutesByKey<typeof notificationsContract> &
  RoutesByKey<typeof openDataContract> &
  RoutesByKey<typeof plannerContract> &
  RoutesByKey<typeof registryContract> &
  RoutesByKey<typeof reportsContract> &
  RoutesByKey<typeof trainingContract> &
  RoutesByKey<typeof workshopContract>;
