// The alerts feature's public face: the jobs the scheduler fires, the routes of settings and their contract.

export { alertPreferences, alertsContract } from './alerts.contract.ts';
export {
  ALERTS_DIGEST,
  ALERTS_SEND,
  type AlertJobConfig,
  alertJobs,
  runAlertPass,
  runDigest,
} from './alerts.job.ts';
export { alertRoutes } from './alerts.routes.ts';
