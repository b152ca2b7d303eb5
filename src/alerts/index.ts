// The alerts feature's public face: the jobs the scheduler fires and the routes of settings.
export {
  ALERTS_DIGEST,
  ALERTS_SEND,
  type AlertJobConfig,
  alertJobs,
  runAlertPass,
  runDigest,
} from './alerts.job.ts';
export { alertRoutes } from './alerts.routes.ts';
