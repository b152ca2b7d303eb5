// Shapes of the API's answers the app reads, type-only from the server; routes with a contract need none of
// these (their answers are `Reply<'METHOD /path'>` of lib/client.ts), and this file shrinks as contracts grow.

export type { Me } from '../../../src/auth/index.ts';
export type { NotificationItem as AppNotification } from '../../../src/notifications/index.ts';
export type {
  DraftDetail,
  PlanDraft,
  PlanView,
  SyndicationView,
} from '../../../src/planner/planner.types.ts';
export type { SeminarDetail, SeminarEffectView } from '../../../src/training/training.types.ts';

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
