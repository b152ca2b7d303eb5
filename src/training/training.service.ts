// Seminars: planned in a region for an audience chosen by rule (levels, failing rules, municipalities, kinds)
// from the latest audit; institutions register up to the capacity and wait beyond it, a cancellation moves the
// first waiting one up; attendance is marked, which gives a certificate code; and the effect on the attendees'
// pages is measured against comparable pages that stayed away (effect.ts). One operation per file under
// operations/; this is their list.
export { audience } from './operations/audience.ts';
export { cancelSeminar } from './operations/call-off.ts';
export { cancel } from './operations/cancel-registration.ts';
export { getSeminar } from './operations/get-seminar.ts';
export { invite } from './operations/invite.ts';
export { listSeminars } from './operations/list-seminars.ts';
export { instantIn, planSeminar, type SeminarInput } from './operations/plan-seminar.ts';
export { recordAttendance } from './operations/record-attendance.ts';
export { recordPastSeminar } from './operations/record-past-seminar.ts';
export { register } from './operations/register.ts';
export { periodEffect, type SeminarEffect, seminarEffect } from './operations/seminar-effect.ts';
export type { SeminarView } from './operations/seminar-view.ts';
export { verifyCertificate } from './operations/verify-certificate.ts';
