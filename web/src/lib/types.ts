// Shapes of the API's answers the app reads, type-only from the server; routes with a contract need none of
// these (their answers are `Reply<'METHOD /path'>` of lib/client.ts), and this file shrinks as contracts grow.

export type { PageReport } from '../../../src/audit/page-report.service.ts';
export type { Me } from '../../../src/auth/index.ts';
export type { FlaggedText, InboxItem } from '../../../src/inbox/inbox.service.ts';
export type { ResponseMetrics } from '../../../src/inbox/metrics.ts';
export type { SafetyFlag } from '../../../src/inbox/safety.ts';
export type { NotificationItem as AppNotification } from '../../../src/notifications/index.ts';
export type {
  DraftDetail,
  PlanDraft,
  PlanView,
  SyndicationView,
} from '../../../src/planner/planner.types.ts';
export type { UploadResult } from '../../../src/registry/registry-upload.service.ts';
export type { UnitReport } from '../../../src/reports/unit-report.service.ts';
export type { SeminarDetail, SeminarEffectView } from '../../../src/training/training.types.ts';

export type PageItem = {
  id: number;
  url: string;
  platform: string;
  status: string;
  lastCollectedAt: number | null;
  institution: {
    id: number;
    fullName: string;
    shortName: string | null;
    kind: string;
    regionCode: string;
    municipalityId: number | null;
  } | null;
  score: number | null;
  level: string | null;
  verified: boolean | null;
  trend: number | null;
};

export type PageList = { runId: number | null; items: PageItem[]; page: number; size: number; total: number };

export type PageCard = {
  id: number;
  url: string;
  /** The community's VK id: posts are at https://vk.com/wall-{externalId}_{postId}. */
  externalId: number | null;
  status: string;
  institution: {
    id: number;
    fullName: string;
    kind: string;
    regionCode: string;
    municipalityId: number | null;
  } | null;
  latest: { runId: number; score: number; level: string } | null;
  /** The methodology version of latest, trend and history (the page's region's). */
  historyVersion: string;
  trend: number | null;
  history: { runId: number; finishedAt: number; periodEnd: number; score: number; level: string }[];
};

export type InstitutionItem = {
  id: number;
  inn: string;
  ogrn: string;
  fullName: string;
  shortName: string | null;
  kind: string;
  regionCode: string;
  municipalityId: number | null;
  municipality: string | null;
  website: string | null;
  pages: number;
};

export type Region = { code: string; nameRu: string; nameEn: string };
export type Municipality = { id: number; regionCode: string; name: string; institutions: number };
