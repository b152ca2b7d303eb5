// Every feature contract in one table: the server's routes are checked against it and the web app's client
// (web/src/lib/client.ts) is typed from it, type-only, by "METHOD /path" keys.
import { authContract } from '../auth/index.ts';
import { methodologyContract } from '../methodology/index.ts';
import { networksContract } from '../networks/index.ts';
import { notificationsContract } from '../notifications/index.ts';
import type { RouteContract, RoutesByKey } from '../platform/http/contract.ts';
import { registryContract } from '../registry/index.ts';
import { trainingContract } from '../training/index.ts';
import { workshopContract } from '../workshop/index.ts';

export const apiContracts: Record<string, Record<string, RouteContract>> = {
  auth: authContract,
  networks: networksContract,
  notifications: notificationsContract,
  registry: registryContract,
  training: trainingContract,
  workshop: workshopContract,
  methodology: methodologyContract,
};

export type ApiRoutes = RoutesByKey<typeof authContract> &
  RoutesByKey<typeof networksContract> &
  RoutesByKey<typeof notificationsContract> &
  RoutesByKey<typeof registryContract> &
  RoutesByKey<typeof trainingContract> &
  RoutesByKey<typeof workshopContract> &
  RoutesByKey<typeof methodologyContract>;
