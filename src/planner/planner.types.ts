// The shapes of the planner API's answers, named for the web app (which imports these types only).
import type { draftDetail, pagePlan } from './plan.service.ts';
import type { syndicationStatus } from './syndication.service.ts';

export type PlanView = Awaited<ReturnType<typeof pagePlan>>;
export type PlanDraft = PlanView['drafts'][number];
export type DraftDetail = Awaited<ReturnType<typeof draftDetail>>;
export type SyndicationView = Awaited<ReturnType<typeof syndicationStatus>>;
