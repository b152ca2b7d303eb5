// The report card of an OK group or a MAX channel, judged when asked from its latest collection: the page's
// facts with where each came from, every rule of the region's methodology version — those that read VK-only
// data (or data the network's API does not give) not applicable with the reason, never failed — and the
// institution's roll-up: present on each network, and whether it meets the legal duty (VK and OK).
import { readProfiles } from '../collect/index.ts';
import { ruleOnNetwork, shippedVersion } from '../methodology/index.ts';
import { institutionCoverage, requiredNetworks } from '../networks/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Lang } from '../platform/i18n.ts';
import type { Scope } from '../platform/scope.ts';
import { findPageInScope, listAuditTargets, pagesOfInstitution, regionVersion } from '../registry/index.ts';
import { loadArtifacts } from './artifacts.ts';
import { evaluatePage, holidaysIn, type RuleOutcome } from './evaluate.ts';
import { ruleTitle } from './rule-text.ts';
import { scorePage } from './score.ts';
import { unknownText } from './unknown-text.ts';

const DAY = 86_400;
const FACTS = [
  'isClosed',
  'isVerified',
  'hasAvatar',
  'hasCover',
  'hasDescription',
  'phone',
  'website',
] as const;

export type NetworkPageReport = {
  pageId: number;
  network: 'ok' | 'max';
  url: string;
  status: string;
  version: string;
  period: { start: number; end: number };
  collectedAt: number | null;
  total: number | null;
  level: string | null;
  facts: { fact: string; value: boolean | string | null; source: string | null }[];
  rules: {
    id: string;
    category: string;
    title: string;
    status: string;
    value: number | null;
    applies: boolean;
    why?: string;
  }[];
  institution: {
    required: string[];
    present: Record<string, boolean>;
    meetsLegalDuty: boolean;
  } | null;
};

export async function networkPageReport(
  db: Db,
  scope: Scope,
  pageId: number,
  lang: Lang,
  now = () => Date.now(),
): Promise<NetworkPageReport> {
  const page = await findPageInScope(db, scope, pageId);
  if (!page) throw new AppError('NOT_FOUND', `no page ${pageId} in your scope`);
  const network = page.platform;
  if (network !== 'ok' && network !== 'max')
    throw new AppError(
      'VALIDATION',
      `page ${pageId} is on ${network}: its card is /api/pages/${pageId}/report`,
    );
  const version = shippedVersion(await regionVersion(db, page.region_code));
  // The period: the 30 days up to the end of the day of the latest collection (or today, never collected).
  const at = page.last_collected_at ?? Math.floor(now() / 1000);
  const end = Math.floor(at / DAY) * DAY + DAY;
  const period = { start: end - 30 * DAY, end };
  const [target] = await listAuditTargets(db, { pageIds: [pageId], platform: network });
  if (!target) throw new AppError('NOT_FOUND', `no page ${pageId}`);
  const [artifacts] = await loadArtifacts(db, [target], period);
  const profile = (await readProfiles(db, [pageId], period.end)).get(pageId);
  const outcomes: RuleOutcome[] = [];
  const audit = artifacts
    ? evaluatePage(version, artifacts, {
        period: { ...period, timezone: target.timezone ?? 'Europe/Moscow' },
        holidays: holidaysIn(version, { ...period, timezone: 'UTC' }),
      })
    : null;
  for (const entry of version.rules) {
    const judged = audit?.rules.find((o) => o.id === entry.id);
    const on = ruleOnNetwork(entry.id, network);
    outcomes.push(
      !on.applies || !judged || !profile
        ? { id: entry.id, status: 'na', value: null, score: null, evidence: [], vars: {} }
        : judged,
    );
  }
  const score = profile ? scorePage(version, outcomes) : null;
  const sources = JSON.parse(profile?.sources_json ?? '{}') as Record<string, string>;
  return {
    pageId,
    network,
    url: page.url,
    status: page.status,
    version: version.id,
    period,
    collectedAt: page.last_collected_at,
    total: score?.total ?? null,
    level: score?.level ?? null,
    facts: FACTS.map((fact) => ({
      fact,
      value: factValue(profile, sources, fact),
      source: sources[fact] ?? null,
    })),
    rules: version.rules.map((entry, i) => {
      const o = outcomes[i] as RuleOutcome;
      const on = ruleOnNetwork(entry.id, network);
      return {
        id: entry.id,
        category: entry.category,
        title: ruleTitle(entry, o.status, lang),
        status: o.status,
        value: o.value,
        applies: on.applies,
        ...(!on.applies
          ? { why: on.why[lang] }
          : o.unknown
            ? { why: unknownText(o.unknown, lang) }
            : !profile
              ? { why: lang === 'ru' ? 'Страница ещё не собрана' : 'The page is not collected yet' }
              : {}),
      };
    }),
    institution:
      page.institution_id === null ? null : await rollUp(db, page.institution_id, page.region_code),
  };
}

type Profile = NonNullable<Awaited<ReturnType<typeof readProfiles>> extends Map<number, infer R> ? R : never>;

/** A stored fact as the card shows it: yes / no / a value, or unknown (null). */
function factValue(
  profile: Profile | undefined,
  sources: Record<string, string>,
  fact: (typeof FACTS)[number],
): boolean | string | null {
  if (!profile) return null;
  const tri = (v: number | null) => (v === null ? null : v === 1);
  switch (fact) {
    case 'isClosed':
      return profile.is_closed === null ? null : profile.is_closed !== 0;
    case 'isVerified':
      return tri(profile.is_verified);
    case 'hasAvatar':
      return tri(profile.has_avatar);
    case 'hasCover':
      return tri(profile.has_cover);
    case 'hasDescription':
      return sources.hasDescription ? profile.description.trim().length > 0 : null;
    case 'phone':
      return profile.phone;
    case 'website':
      return profile.site;
  }
}

/** The institution's presence on each network and the legal duty (a page on every required network). */
async function rollUp(db: Db, institutionId: number, regionCode: string | null) {
  const pages = await pagesOfInstitution(db, institutionId);
  const [c] = institutionCoverage(
    pages.map((p) => ({
      institution_id: institutionId,
      region_code: regionCode ?? '',
      platform: p.platform,
      status: p.status,
    })),
  );
  if (!c) return null;
  return {
    required: requiredNetworks(),
    present: Object.fromEntries(Object.entries(c.facts).map(([n, f]) => [n, f.present])),
    meetsLegalDuty: c.meetsLegalDuty,
  };
}
