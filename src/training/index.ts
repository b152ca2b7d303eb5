// The training feature's public face: seminars, their audience, enrolment and their measured effect.
export { differenceInDifferences, type EffectEstimate, type EffectUnit } from './effect.ts';
export { trainingRoutes } from './training.routes.ts';
export {
  audience,
  cancel,
  instantIn,
  invite,
  planSeminar,
  recordAttendance,
  register,
  type SeminarInput,
  seminarEffect,
} from './training.service.ts';
