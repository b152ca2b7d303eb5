// A seminar as the API shows it.
import { isWebAddress } from '../seminar-access.ts';
import type { AudienceRule, seminarInScope } from '../training.repo.ts';

export type SeminarView = {
  id: number;
  title: string;
  programme: string[];
  organiserKind: string;
  organiser: string;
  trainers: string[];
  format: string;
  link: string | null;
  place: string | null;
  startsAt: number;
  endsAt: number;
  timezone: string;
  regionCode: string;
  municipalityId: number | null;
  capacity: number;
  audience: AudienceRule;
  status: string;
};

export function view(s: Awaited<ReturnType<typeof seminarInScope>> & object): SeminarView {
  return {
    id: s.id,
    title: s.title,
    programme: JSON.parse(s.programme_json) as string[],
    organiserKind: s.organiser_kind,
    organiser: s.organiser,
    trainers: JSON.parse(s.trainers_json) as string[],
    format: s.format,
    // A link stored before only web addresses were accepted is not handed to a browser.
    link: s.link !== null && isWebAddress(s.link) ? s.link : null,
    place: s.place,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    timezone: s.timezone,
    regionCode: s.region_code,
    municipalityId: s.municipality_id,
    capacity: s.capacity,
    audience: JSON.parse(s.audience_json) as AudienceRule,
    status: s.status,
  };
}
