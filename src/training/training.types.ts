// The shapes of the training API's answers, named for the web app (which imports these types only).
import type { feedbackSummary, uploadAttendance } from './seminar-follow-up.service.ts';
import type { getSeminar, listSeminars, periodEffect, SeminarEffect } from './training.service.ts';

export type SeminarListItem = Awaited<ReturnType<typeof listSeminars>>[number];
export type SeminarDetail = Awaited<ReturnType<typeof getSeminar>>;
export type SeminarEffectView = SeminarEffect &
  Partial<Pick<Awaited<ReturnType<typeof periodEffect>>, 'seminars'>>;
export type FeedbackSummary = Awaited<ReturnType<typeof feedbackSummary>>;
export type AttendanceUpload = Awaited<ReturnType<typeof uploadAttendance>>;
