// The training API, one file per operation; training.routes.ts registers them all.
import type { App } from '../../platform/http/server.ts';
import { addMaterialRoute } from './add-material.route.ts';
import { callOffRoute } from './call-off.route.ts';
import { cancelRegistrationRoute } from './cancel-registration.route.ts';
import { getAudienceRoute } from './get-audience.route.ts';
import { getCertificateRoute } from './get-certificate.route.ts';
import { getFeedbackRoute } from './get-feedback.route.ts';
import { getPeriodEffectRoute } from './get-period-effect.route.ts';
import { getSeminarRoute } from './get-seminar.route.ts';
import { getSeminarEffectRoute } from './get-seminar-effect.route.ts';
import { giveFeedbackRoute } from './give-feedback.route.ts';
import { inviteRoute } from './invite.route.ts';
import { listSeminarsRoute } from './list-seminars.route.ts';
import { planSeminarRoute } from './plan-seminar.route.ts';
import { recordAttendanceRoute } from './record-attendance.route.ts';
import { registerRoute } from './register.route.ts';
import { removeMaterialRoute } from './remove-material.route.ts';
import type { TrainingRouteDeps } from './shared.ts';
import { uploadAttendanceRoute } from './upload-attendance.route.ts';
import { verifyCertificateRoute } from './verify-certificate.route.ts';

/** In the order they register. */
export const TRAINING_ROUTES: ((app: App, deps: TrainingRouteDeps) => void)[] = [
  listSeminarsRoute,
  planSeminarRoute,
  getSeminarRoute,
  getAudienceRoute,
  inviteRoute,
  registerRoute,
  cancelRegistrationRoute,
  recordAttendanceRoute,
  getSeminarEffectRoute,
  getPeriodEffectRoute,
  callOffRoute,
  uploadAttendanceRoute,
  addMaterialRoute,
  removeMaterialRoute,
  giveFeedbackRoute,
  getFeedbackRoute,
  getCertificateRoute,
  verifyCertificateRoute,
];
