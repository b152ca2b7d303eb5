// The training feature's public face: seminars, their audience, enrolment, follow-up and measured effect.
export { differenceInDifferences, type EffectEstimate, type EffectUnit } from './effect.ts';
export {
  addMaterial,
  certificatePdf,
  SEMINAR_REMIND,
  sendSeminarReminders,
  trainingJobs,
} from './seminar-follow-up.service.ts';
export { type AudienceItem, type Certificate, trainingContract } from './training.contract.ts';
export { trainingRoutes } from './training.routes.ts';
export {
  audience,
  cancel,
  instantIn,
  invite,
  planSeminar,
  recordAttendance,
  recordPastSeminar,
  register,
  type SeminarInput,
  seminarEffect,
} from './training.service.ts';
